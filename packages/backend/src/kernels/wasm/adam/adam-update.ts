import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { ADAM_UPDATE } from '../../../ops/adam-update';
import { adamStep, type AdamStepAttributes } from './adam-step';
import { ADAM_MODULE } from './adam-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';
import { kernelPool, splitRange } from '../threads/kernel-pool';

type AdamSimd = (...args: number[]) => void;

/** Floats below which a variable's step runs on one thread. */
const MIN_POOLED_FLOATS = 1 << 16;

/**
 * `DendriteAdamUpdate` on wasm: the whole Adam step of one variable in one pass over wasm memory,
 * four floats at a time, where the op-by-op update ran twelve kernels and twelve allocations. The
 * last `size mod 4` floats (and runtimes without SIMD) take the same math in JavaScript.
 */
export const adamUpdateKernel: WasmKernelOverride = {
  kernelName: ADAM_UPDATE,
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const attributes = attrs as unknown as AdamStepAttributes;
      const { variable, gradient, momentum, velocity } = inputs;
      const ins = [variable, gradient, momentum, velocity];
      const outputs = [variable, momentum, velocity].map((input) => allocate(backend, [...input.shape], 'float32'));
      const size = tf.util.sizeFromShape(variable.shape);
      const memory = wasmMemory(backend);
      const simd = memory && (instantiateOn(memory, ADAM_MODULE)?.adam as AdamSimd | undefined);
      const vectorized = simd ? size - (size % 4) : 0;
      try {
        if (simd && vectorized > 0) {
          const { alpha, beta1, beta2, epsilon } = attributes;
          const address = (info: TensorInfo) => heapAddress(backend, info);
          const addresses = [variable, gradient, momentum, velocity, ...outputs].map(address);
          const bytesFrom = (from: number, to: number) => [...addresses.map((start) => start + from), to - from, 1 - beta1, 1 - beta2, alpha, epsilon];
          const pool = vectorized >= MIN_POOLED_FLOATS ? kernelPool(memory) : undefined;
          if (pool === undefined) simd(...bytesFrom(0, vectorized * 4));
          // Elementwise: any split gives the one-thread floats.
          else pool.run(ADAM_MODULE, 'adam', splitRange(vectorized * 4, pool.parts, 16).map(([from, to]) => bytesFrom(from, to)), simd);
        }
        if (vectorized < size) {
          // Views only after the last allocation: allocating may grow (and detach) the heap.
          const [w, g, m, v, wOut, mOut, vOut] = [...ins, ...outputs].map((info) => (heapView(backend, info) as Float32Array).subarray(vectorized));
          adamStep(w, g, m, v, { variable: wOut, momentum: mOut, velocity: vOut }, attributes);
        }
      } catch (error) {
        for (const output of outputs) release(backend, output);
        throw error;
      }
      return outputs;
    };
  },
};
