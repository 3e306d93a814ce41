import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { allocate, heapView, release, transposeLastTwo, type WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';
import { simdMatMul } from './simd-mat-mul';

/**
 * Wraps a stock matmul kernel: the shapes {@link simdMatMul} takes run there. For the others,
 * transposed operands are transposed first: the stock wasm kernel only reaches XNNPACK when
 * neither operand is transposed (≈30 GFLOP/s against ≈2), and a transpose costs O(n²) against the
 * product's O(n³). That path is exact (the same products, summed in the same order); the SIMD
 * path sums each dot product in order, which differs from XNNPACK's blocked sums by rounding only.
 */
export function untransposeOperands(kernelName: string): WasmKernelOverride {
  return {
    kernelName,
    makeKernel(stock: KernelFunc | undefined): KernelFunc {
      assertStock(stock, kernelName);
      return (rawArgs) => {
        const args = rawArgs as unknown as WasmKernelArgs;
        const simd = simdMatMul(args);
        if (simd !== undefined) return simd;
        // The stock _FusedMatMul reads its operands as rank 3: rank-2 ones (fusedDense passes them
        // as they are, saving three Reshape kernels per layer) run as views of batch 1, data shared.
        if (kernelName === '_FusedMatMul' && args.inputs.a.shape.length === 2 && args.inputs.b.shape.length === 2) {
          const { a, b } = args.inputs;
          const product = fallback({ ...args, inputs: { ...args.inputs, a: { ...a, shape: [1, ...a.shape] }, b: { ...b, shape: [1, ...b.shape] } } });
          const shape = product.shape.slice(1);
          args.backend.dataIdMap.get(product.dataId)!.shape = shape;
          return { ...product, shape };
        }
        return fallback(args);
      };
      function fallback(args: WasmKernelArgs): TensorInfo {
        const rawArgs = args as unknown as Parameters<KernelFunc>[0];
        const { backend, attrs = {} } = args;
        assertStock(stock, kernelName);
        const scratch: TensorInfo[] = [];
        const inputs = { ...args.inputs };
        // The stock _FusedMatMul reads the bias's rank from its data, not from the tensor: a
        // rank-1 view of rank-2 data (a squeezed slice) is refused. Such a bias gets its own copy.
        const bias = inputs.bias;
        if (bias && bias.shape.length === 1 && backend.dataIdMap.get(bias.dataId)!.shape.length !== 1) {
          const copy = allocate(backend, [...bias.shape], bias.dtype);
          heapView(backend, copy).set(heapView(backend, bias));
          scratch.push(copy);
          inputs.bias = copy;
        }
        if (!attrs.transposeA && !attrs.transposeB) {
          try {
            return stock({ ...rawArgs, inputs } as Parameters<KernelFunc>[0]) as TensorInfo;
          } finally {
            for (const info of scratch) release(backend, info);
          }
        }
        const a = attrs.transposeA ? transposeLastTwo(backend, inputs.a) : inputs.a;
        if (a !== inputs.a) scratch.push(a);
        const b = attrs.transposeB ? transposeLastTwo(backend, inputs.b) : inputs.b;
        if (b !== inputs.b) scratch.push(b);
        try {
          return stock({
            ...rawArgs,
            inputs: { ...inputs, a, b },
            attrs: { ...attrs, transposeA: false, transposeB: false },
          } as Parameters<KernelFunc>[0]) as TensorInfo;
        } finally {
          for (const info of scratch) release(backend, info);
        }
      }
    },
  };
}

/** `BatchMatMul` without the scalar path for transposed operands. */
export const batchMatMulOverride = untransposeOperands('BatchMatMul');

/** `_FusedMatMul` (matmul + bias + activation) without the scalar path for transposed operands. */
export const fusedMatMulOverride = untransposeOperands('_FusedMatMul');
