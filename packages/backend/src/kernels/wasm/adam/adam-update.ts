import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { ADAM_UPDATE } from '../../../ops/adam-update';
import { adamStep, type AdamStepAttributes } from './adam-step';
import { ADAM_MODULE } from './adam-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

type AdamSimd = (...args: number[]) => void;

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
          simd(address(variable), address(gradient), address(momentum), address(velocity), address(outputs[0]), address(outputs[1]), address(outputs[2]), vectorized * 4, 1 - beta1, 1 - beta2, alpha, epsilon);
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
