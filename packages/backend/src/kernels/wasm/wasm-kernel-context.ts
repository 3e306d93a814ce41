import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { DataType, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../tf/index';

/** The arguments every wasm kernel function receives. */
export interface WasmKernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: BackendWasm;
  attrs?: NamedAttrMap;
}

/**
 * Allocates an output or scratch tensor in wasm memory.
 *
 * Allocation may grow the wasm heap, which detaches every view taken before it: take views with
 * {@link heapView} only after the last allocation of a kernel.
 */
export function allocate(backend: BackendWasm, shape: number[], dtype: DataType = 'float32'): TensorInfo {
  return backend.makeOutput(shape, dtype);
}

/** A typed-array view of a tensor's bytes inside wasm memory; no copy. */
export function heapView(backend: BackendWasm, info: TensorInfo): Float32Array | Int32Array {
  return backend.typedArrayFromHeap(info) as Float32Array | Int32Array;
}

/** Frees a scratch tensor made inside a kernel. */
export function release(backend: BackendWasm, info: TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** Calls another wasm kernel (stock or ours) from inside a kernel. */
export function callKernel(kernelName: string, args: WasmKernelArgs): TensorInfo {
  const config = tf.getKernel(kernelName, 'wasm');
  if (config == null) throw new Error(`Expected the wasm kernel "${kernelName}" to be registered, received none`);
  return config.kernelFunc(args as unknown as Parameters<KernelFunc>[0]) as TensorInfo;
}

/** Transposes the last two axes of a tensor with the stock wasm Transpose kernel. */
export function transposeLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return callKernel('Transpose', { inputs: { x }, backend, attrs: { perm } });
}

/** The byte address of a tensor's data in wasm memory. */
export function heapAddress(backend: BackendWasm, info: TensorInfo): number {
  return backend.dataIdMap.get(info.dataId)!.memoryOffset;
}

/** The backend's WebAssembly.Memory (emscripten's export, or the threaded build's shared memory), or undefined if this build hides it. */
export function wasmMemory(backend: BackendWasm): WebAssembly.Memory | undefined {
  // The single-threaded build exports its memory; the threaded one imports a shared memory it made.
  const module = backend.wasm as unknown as { asm?: { memory?: unknown }; wasmMemory?: unknown };
  const memory = module.asm?.memory ?? module.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}
