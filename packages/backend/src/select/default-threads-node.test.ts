import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { getBackendInfo, selectBackend, tf } from '@dendrite/backend';
import { kernelThreads } from '../kernels/wasm/threads/kernel-pool';

// This file is its own process (vitest forks each file) and must be the first start of wasm in it.
// The shared vitest config sets DENDRITE_THREADS=1 for the suite; this run clears it to see the default.
describe('selectBackend() with no thread count in Node', () => {
  it('starts wasm on every core (os.availableParallelism()) and splits Dendrite’s kernels as many ways', async () => {
    expect(process.env.DENDRITE_THREADS).toBe('1');
    delete process.env.DENDRITE_THREADS;
    const info = await selectBackend({ prefer: 'wasm' });
    const cores = availableParallelism();
    expect([info.threads, getBackendInfo()?.threads, kernelThreads()]).toEqual([cores, cores, cores]);
    expect(info.reason).toContain(`WebAssembly SIMD, ${cores} thread(s): every core (${cores})`);
    const before = tf.memory().numTensors;
    const product = tf.tidy(() => tf.matMul(tf.ones([8, 4]), tf.ones([4, 3])).dataSync());
    expect(Array.from(product)).toEqual(new Array(24).fill(4));
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
