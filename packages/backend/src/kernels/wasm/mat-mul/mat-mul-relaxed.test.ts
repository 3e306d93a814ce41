import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, seededArray } from '@dendrite/test-utils';
import { MAT_MUL_MODULE, MAT_MUL_RELAXED_MODULE, matMulModule } from './mat-mul-module';
import { forceRelaxedSimd, relaxedSimdEnabled, relaxedSimdSupported } from '../simd/simd-features';

const [m, k, n] = [4, 300, 32];
const a = seededArray(m * k, 4);
const b = seededArray(k * n, 5);

/** Runs a module's `matmul` on a, b (no bias, no relu) in a Node child started with `flags`; undefined if the child cannot validate it. */
function runInChild(bytes: Uint8Array, flags: string[]): Float32Array | undefined {
  const script = `
    const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const bytes = Buffer.from(input.bytes, 'base64');
    const [m, k, n] = input.shape;
    if (!WebAssembly.validate(bytes)) { console.log('invalid'); process.exit(0); }
    const memory = new WebAssembly.Memory({ initial: 2 });
    const { matmul } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
    const heap = new Float32Array(memory.buffer);
    heap.set(input.a, 0);
    heap.set(input.b, m * k);
    const c = (m * k + k * n) * 4;
    matmul(0, m * k * 4, c, 0, m, n * 4, k, k * 4, 4, 0, 0);
    console.log(JSON.stringify(Array.from(heap.subarray(c / 4, c / 4 + m * n))));
  `;
  const input = JSON.stringify({ bytes: Buffer.from(bytes).toString('base64'), shape: [m, k, n], a: [...a], b: [...b] });
  const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', input });
  if (child.status !== 0) throw new Error(`Expected the child to run, received status ${child.status}: ${child.stderr ?? child.error}`);
  const output = child.stdout.trim();
  return output === 'invalid' ? undefined : Float32Array.from(JSON.parse(output) as number[]);
}

/** Node 20 runs relaxed SIMD behind a flag; later versions have it on (and may not know the flag). */
function relaxedFlags(): string[] {
  const probe = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '-e', ''], { encoding: 'utf8' });
  return probe.status === 0 ? ['--experimental-wasm-relaxed-simd'] : [];
}

afterEach(() => forceRelaxedSimd(undefined));

describe('relaxed SIMD in the matmul', () => {
  it('is detected from the runtime, and forcing picks the module', () => {
    expect(relaxedSimdSupported()).toBe(WebAssembly.validate(MAT_MUL_RELAXED_MODULE));
    expect(WebAssembly.validate(MAT_MUL_MODULE)).toBe(true);
    forceRelaxedSimd(false);
    expect([relaxedSimdEnabled(), matMulModule()]).toEqual([false, MAT_MUL_MODULE]);
    forceRelaxedSimd(true);
    expect([relaxedSimdEnabled(), matMulModule()]).toEqual([true, MAT_MUL_RELAXED_MODULE]);
  });

  it('plain path (forced): the wasm kernel sums every product in order, bit for bit', async () => {
    forceRelaxedSimd(false);
    const [actual] = await computeOn('wasm', () => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n])));
    const expected = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(a[i * k + p] * b[p * n + j]));
        expected[i * n + j] = sum;
      }
    }
    expect(actual).toEqual(expected);
  });

  it('relaxed path (forced, in a runtime that has it): within float32 rounding of the plain module', () => {
    const plain = runInChild(MAT_MUL_MODULE, [])!;
    const relaxed = runInChild(MAT_MUL_RELAXED_MODULE, relaxedFlags());
    expect(relaxed, 'a Node child with relaxed SIMD validates the relaxed module').toBeDefined();
    const reference = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) reference[i * n + j] += a[i * k + p] * b[p * n + j];
    const scale = Math.max(...reference.map(Math.abs));
    for (let index = 0; index < m * n; index++) {
      expect(Math.abs(relaxed![index] - reference[index])).toBeLessThan(1e-5 * scale);
      expect(Math.abs(relaxed![index] - plain[index])).toBeLessThan(1e-5 * scale);
    }
  });

  it('relaxed forced where the runtime lacks it: the kernels fall back to the stock ones, with the same results', async () => {
    const compute = () => tf.matMul(tf.tensor2d(a, [m, k]), tf.tensor2d(b, [k, n]));
    const [plain] = await computeOn('wasm', compute);
    forceRelaxedSimd(true);
    const [forced] = await computeOn('wasm', compute);
    if (relaxedSimdSupported()) for (let index = 0; index < m * n; index++) expect(Math.abs(forced[index] - plain[index])).toBeLessThan(1e-4);
    const [cpu] = await computeOn('cpu', compute);
    for (let index = 0; index < m * n; index++) expect(Math.abs(forced[index] - cpu[index])).toBeLessThan(1e-4);
  });
});
