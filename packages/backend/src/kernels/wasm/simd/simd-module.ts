/**
 * A minimal WebAssembly encoder for Dendrite's own SIMD kernels. tfjs-backend-wasm compiles its
 * kernels in; ours are small loops written here as instructions and instantiated on the backend's
 * own memory, so they read and write tensors where they lie — no copy in or out, no toolchain.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** The instructions the kernels use (SIMD ones after the 0xfd prefix, as LEB128 opcodes). */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (index: number) => [0x20, index],
  set: (index: number) => [0x21, index],
  tee: (index: number) => [0x22, index],
  i32Const: (value: number) => [0x41, ...signedLeb128(value)],
  /** `f32.const`: the float32 nearest `value`. */
  f32Const: (value: number) => [0x43, ...new Uint8Array(Float32Array.of(value).buffer)],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Ne: [0x47],
  i32GeU: [0x4f],
  i32GtU: [0x4b],
  i32Eq: [0x46],
  i32And: [0x71],
  i32Or: [0x72],
  i32Shl: [0x74],
  /** `i32.load` at the address on the stack plus a constant byte offset. */
  i32LoadAt: (offset: number) => [0x28, 0x02, ...unsignedLeb128(offset)],
  /** `i32.store` to the address below the value plus a constant byte offset. */
  i32StoreAt: (offset: number) => [0x36, 0x02, ...unsignedLeb128(offset)],
  /** `if` with no result, closed by `end`. */
  if: [0x04, 0x40],
  /** The `else` of an `if`. */
  else: [0x05],
  /** `v128.load` of 16 bytes at the address on the stack (alignment hint 1, offset 0). */
  v128Load: [0xfd, 0x00, 0x00, 0x00],
  /** `v128.load` of 16 bytes at the address on the stack plus a constant byte offset. */
  v128LoadAt: (offset: number) => [0xfd, 0x00, 0x00, ...unsignedLeb128(offset)],
  /** `v128.load32_splat`: one float at the address on the stack, in all four lanes. */
  v128Load32Splat: [0xfd, 0x09, 0x00, 0x00],
  /** `v128.load32_splat` at the address on the stack plus a constant byte offset. */
  v128Load32SplatAt: (offset: number) => [0xfd, 0x09, 0x00, ...unsignedLeb128(offset)],
  /** `v128.store` of 16 bytes to the address below the value. */
  v128Store: [0xfd, 0x0b, 0x00, 0x00],
  /** `v128.store` to the address below the value plus a constant byte offset. */
  v128StoreAt: (offset: number) => [0xfd, 0x0b, 0x00, ...unsignedLeb128(offset)],
  v128Const0: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f32x4Splat: [0xfd, 0x13],
  i32x4Splat: [0xfd, 0x11],
  i32x4ReplaceLane: (lane: number) => [0xfd, 0x1c, lane],
  i32x4GeU: [0xfd, 0x40],
  v128And: [0xfd, 0x4e],
  /** `v128.andnot a b`: `a & ~b`. */
  v128AndNot: [0xfd, 0x4f],
  f32x4Lt: [0xfd, 0x43],
  f32x4Abs: [0xfd, 0xe0, 0x01],
  v128Or: [0xfd, 0x50],
  /** `v128.any_true`: 1 when some bit of the vector is set, else 0. */
  v128AnyTrue: [0xfd, 0x53],
  v128Xor: [0xfd, 0x51],
  i32x4Eq: [0xfd, 0x37],
  i32x4Shl: [0xfd, 0xab, 0x01],
  i32x4ShrU: [0xfd, 0xad, 0x01],
  f32x4Sqrt: [0xfd, 0xe3, 0x01],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Sub: [0xfd, 0xe5, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
  f32x4Div: [0xfd, 0xe7, 0x01],
  f32x4Max: [0xfd, 0xe9, 0x01],
  f32x4Gt: [0xfd, 0x44],
  /** `v128.bitselect a b mask`: `(a & mask) | (b & ~mask)`. */
  v128Bitselect: [0xfd, 0x52],
  i32Sub: [0x6b],
  /** Relaxed SIMD's `f32x4.relaxed_madd a b c`: `a·b + c`, fused (one rounding) where the hardware has FMA. */
  f32x4RelaxedMadd: [0xfd, 0x85, 0x02],
} as const;

/** One exported function: its signature, its extra locals (after the parameters) and its body. */
export interface SimdFunction {
  name: string;
  params: number[];
  locals: number[];
  body: ReadonlyArray<number | readonly number[]>;
}

function unsignedLeb128(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

function signedLeb128(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

const vector = (items: number[][]) => [...unsignedLeb128(items.length), ...items.flat()];
const section = (id: number, content: number[]) => [id, ...unsignedLeb128(content.length), ...content];
const name = (text: string) => vector([...new TextEncoder().encode(text)].map((byte) => [byte]));

/**
 * Encodes a module that imports its memory as `env.memory` and exports `functions` (no results).
 *
 * @example
 * ```ts
 * const bytes = encodeSimdModule([{ name: 'noop', params: [], locals: [], body: [] }]);
 * ```
 */
export function encodeSimdModule(functions: readonly SimdFunction[]): Uint8Array<ArrayBuffer> {
  const bytes = encodeWithMemory(functions, false);
  sharedTwins.set(bytes, encodeWithMemory(functions, true));
  return bytes;
}

// Each module's twin importing a shared memory (the threaded wasm build's), by the plain bytes.
const sharedTwins = new WeakMap<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>();

/** The memory import's limits: none, or shared with wasm32's largest maximum (an import must declare shared memory's maximum, at least the memory's own). */
const memoryLimits = (shared: boolean) => (shared ? [0x03, 0x00, ...unsignedLeb128(65536)] : [0x00, 0x00]);

function encodeWithMemory(functions: readonly SimdFunction[], shared: boolean): Uint8Array<ArrayBuffer> {
  const types = functions.map((fn) => [0x60, ...vector(fn.params.map((type) => [type])), 0x00]);
  const imports = [[...name('env'), ...name('memory'), 0x02, ...memoryLimits(shared)]];
  const bodies = functions.map((fn) => {
    // Locals run-length encoded, in order.
    const runs: number[][] = [];
    for (const type of fn.locals) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const code = [...vector(runs.map(([count, type]) => [...unsignedLeb128(count), type])), ...fn.body.flatMap((part) => (typeof part === 'number' ? [part] : [...part])), 0x0b];
    return [...unsignedLeb128(code.length), ...code];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(functions.map((_, index) => unsignedLeb128(index)))),
    ...section(7, vector(functions.map((fn, index) => [...name(fn.name), 0x00, ...unsignedLeb128(index)]))),
    ...section(10, vector(bodies)),
  ]);
}

const compiled = new WeakMap<Uint8Array<ArrayBuffer>, WebAssembly.Module | null>();
const instances = new WeakMap<WebAssembly.Memory, WeakMap<Uint8Array<ArrayBuffer>, WebAssembly.Exports>>();

/** Whether `memory` is shared (the threaded wasm build's): such a memory needs a module importing it as shared. */
export const isSharedMemory = (memory: WebAssembly.Memory): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;

/**
 * The compiled module of `bytes` for `memory` (its shared twin on a shared memory), compiled once,
 * or null where the runtime cannot run it.
 */
export function compiledFor(memory: WebAssembly.Memory, bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  const variant = isSharedMemory(memory) ? (sharedTwins.get(bytes) ?? bytes) : bytes;
  if (!compiled.has(variant)) compiled.set(variant, WebAssembly.validate(variant) ? new WebAssembly.Module(variant) : null);
  return compiled.get(variant)!;
}

/**
 * The exports of `bytes` instantiated on `memory`: compiled once (or found invalid once: no SIMD),
 * instantiated once per memory; undefined where the runtime cannot run it, so that callers fall
 * back to JavaScript.
 */
export function instantiateOn(memory: WebAssembly.Memory, bytes: Uint8Array<ArrayBuffer>): WebAssembly.Exports | undefined {
  let byModule = instances.get(memory);
  if (byModule === undefined) instances.set(memory, (byModule = new WeakMap()));
  let exports = byModule.get(bytes);
  if (exports === undefined) {
    const module = compiledFor(memory, bytes);
    if (!module) return undefined;
    exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
    byModule.set(bytes, exports);
  }
  return exports;
}
