import { installWasmKernels, selectBackend, tf, uninstallWasmKernels } from '@dendrite/backend';
import { formatTable, measure } from './measure';

const SHAPES: Array<[number, number, number]> = [
  [128, 784, 128],
  [784, 128, 128],
  [128, 128, 128],
  [128, 10, 128],
];
const VARIANTS = [
  { label: 'plain', transposeA: false, transposeB: false },
  { label: 'transposeA', transposeA: true, transposeB: false },
  { label: 'transposeB', transposeA: false, transposeB: true },
  { label: 'both', transposeA: true, transposeB: true },
];

async function gflops(m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): Promise<number> {
  const a = tf.randomNormal(transposeA ? [k, m] : [m, k]);
  const b = tf.randomNormal(transposeB ? [n, k] : [k, n]);
  const milliseconds = await measure(() => {
    const product = tf.matMul(a, b, transposeA, transposeB);
    product.dataSync();
    product.dispose();
  }, { minMilliseconds: 500 });
  tf.dispose([a, b]);
  return (2 * m * k * n) / (milliseconds * 1e6);
}

/**
 * GFLOP/s of matmul on wasm, stock tfjs-backend-wasm kernels against Dendrite's, for plain and
 * transposed operands; `vs plain` is each row's GFLOP/s over the plain case's with the same kernels.
 */
export async function matmulBench(): Promise<string> {
  await selectBackend({ prefer: 'wasm' });
  const rows: string[][] = [];
  for (const [m, k, n] of SHAPES) {
    const results: Record<string, { stock: number; ours: number }> = {};
    for (const variant of VARIANTS) {
      uninstallWasmKernels();
      const stock = await gflops(m, k, n, variant.transposeA, variant.transposeB);
      installWasmKernels();
      const ours = await gflops(m, k, n, variant.transposeA, variant.transposeB);
      results[variant.label] = { stock, ours };
    }
    for (const variant of VARIANTS) {
      const { stock, ours } = results[variant.label];
      rows.push([
        `${m}×${k}×${n}`,
        variant.label,
        stock.toFixed(2),
        ours.toFixed(2),
        `${(ours / stock).toFixed(2)}×`,
        `${(ours / results.plain.ours).toFixed(2)}×`,
      ]);
    }
  }
  return formatTable(['M×K×N', 'operands', 'stock GFLOP/s', 'dendrite GFLOP/s', 'speed-up', 'vs plain'], rows);
}
