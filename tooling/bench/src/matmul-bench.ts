import { availableParallelism } from 'node:os';
import { installWasmKernels, tf, uninstallWasmKernels } from '@dendrite/backend';
import { formatTable, measure } from './measure';
import { runChild } from './separate-process';
import type { ThreadsResult } from './threads-child';

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
 * GFLOP/s of every shape and variant on the wasm backend as started (its threads), keyed
 * `M×K×N variant ours|stock`: Dendrite's kernels, and tfjs-backend-wasm's stock ones with `withStock`.
 */
export async function matmulMeasurements(withStock: boolean): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (const [m, k, n] of SHAPES) {
    for (const variant of VARIANTS) {
      const key = `${m}×${k}×${n} ${variant.label}`;
      if (withStock) {
        uninstallWasmKernels();
        values[`${key} stock`] = await gflops(m, k, n, variant.transposeA, variant.transposeB);
        installWasmKernels();
      }
      values[`${key} ours`] = await gflops(m, k, n, variant.transposeA, variant.transposeB);
    }
  }
  return values;
}

/**
 * GFLOP/s of matmul on wasm, stock tfjs-backend-wasm kernels against Dendrite's on one thread, for
 * plain and transposed operands (`vs plain` is each row's GFLOP/s over the plain case's with the
 * same kernels), and Dendrite's on every core: each thread count in a process of its own, since
 * the wasm backend keeps the threads it started with.
 */
export async function matmulBench(): Promise<string> {
  const cores = availableParallelism();
  const one = await runChild<ThreadsResult>('threads-child.ts', ['matmul', '1', 'stock']);
  const many = cores > 1 ? await runChild<ThreadsResult>('threads-child.ts', ['matmul', String(cores)]) : undefined;
  const rows: string[][] = [];
  for (const [m, k, n] of SHAPES) {
    const shape = `${m}×${k}×${n}`;
    for (const variant of VARIANTS) {
      const [stock, ours, plain] = [one.values[`${shape} ${variant.label} stock`], one.values[`${shape} ${variant.label} ours`], one.values[`${shape} plain ours`]];
      const oursMany = many?.values[`${shape} ${variant.label} ours`];
      rows.push([
        shape,
        variant.label,
        stock.toFixed(2),
        ours.toFixed(2),
        `${(ours / stock).toFixed(2)}×`,
        `${(ours / plain).toFixed(2)}×`,
        oursMany === undefined ? '—' : oursMany.toFixed(2),
        oursMany === undefined ? '—' : `${(oursMany / ours).toFixed(2)}×`,
      ]);
    }
  }
  const threadsNote = many ? `Threads 1 → ${many.threads}: Dendrite's GFLOP/s on ${many.threads} threads over its GFLOP/s on 1, measured in this run.` : 'Threads 1 against N: one core here, nothing to compare.';
  const manyTitle = `dendrite ${many?.threads ?? cores} threads`;
  return [formatTable(['M×K×N', 'operands', 'stock GFLOP/s 1 thread', 'dendrite 1 thread', 'speed-up', 'vs plain', manyTitle, 'threads 1 → N'], rows), '', threadsNote].join('\n');
}
