import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';

/**
 * How tfjs-converter stored a weight it quantized (`--quantize_uint8`, `--quantize_uint16`,
 * `--quantize_float16`): affine `value = q · scale + min` for the integer types, IEEE half
 * precision for `float16`.
 */
export interface TfjsQuantization {
  dtype: 'uint8' | 'uint16' | 'float16';
  min?: number;
  scale?: number;
  original_dtype?: string;
}

/** One weight of a TF.js `weightsManifest` group. */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: TfjsQuantization;
}

const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/**
 * Checks one manifest entry's keys before use (a damaged `"shape"` key must not end in a bare JS error):
 * `name` a string, `shape` a list of integers ≥ 0, `dtype` a string.
 *
 * @throws Error naming the file and the key
 */
function checkWeightSpec(spec: TfjsWeightSpec, where: string): void {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new Error(`Expected each weightsManifest weight in "${where}" to be an object {name, shape, dtype}, received ${describeValue(spec)}`);
  const name = typeof spec.name === 'string' ? `"${spec.name}"` : 'a weight';
  if (typeof spec.name !== 'string') throw new Error(`Expected the weightsManifest weight key "name" in "${where}" to be a string, received ${describeValue(spec.name)} (keys ${Object.keys(spec).join(', ')})`);
  if (!Array.isArray(spec.shape) || !spec.shape.every((size) => Number.isInteger(size) && size >= 0)) {
    throw new Error(`Expected the weightsManifest key "shape" of ${name} in "${where}" to be a list of integers ≥ 0, received ${describeValue(spec.shape)} (keys ${Object.keys(spec).join(', ')})`);
  }
  if (typeof spec.dtype !== 'string') throw new Error(`Expected the weightsManifest key "dtype" of ${name} in "${where}" to be a string, received ${describeValue(spec.dtype)} (keys ${Object.keys(spec).join(', ')})`);
}

/**
 * The bytes a weight takes in the weight files: 4 per entry for `float32`/`int32`, 1 or 2 for a
 * quantized one.
 *
 * @throws Error naming the file and the weight for a dtype or quantization TF.js layers models do not hold
 */
export function storedBytes(spec: TfjsWeightSpec, where: string): number {
  checkWeightSpec(spec, where);
  const size = tf.util.sizeFromShape(spec.shape);
  if (spec.dtype !== 'float32' && spec.dtype !== 'int32') throw new Error(`Expected float32 or int32 weights in "${where}", received ${spec.dtype} for "${spec.name}"`);
  const quantization = spec.quantization;
  if (quantization === undefined) return size * 4;
  const bytes = QUANTIZED_BYTES[quantization.dtype];
  if (bytes === undefined) throw new Error(`Expected a uint8, uint16 or float16 quantization in "${where}", received ${describeValue(quantization.dtype)} for "${spec.name}"`);
  if (quantization.dtype !== 'float16' && (typeof quantization.min !== 'number' || typeof quantization.scale !== 'number')) {
    throw new Error(`Expected the ${quantization.dtype} quantization of "${spec.name}" in "${where}" to have numbers min and scale, received ${describeValue(quantization)}`);
  }
  return size * bytes;
}

/** An IEEE 754 half-precision number as a float. */
function halfToFloat(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/**
 * A weight's values from its bytes (little-endian, as TF.js writes them), dequantized as
 * tfjs-core's `decodeWeights` does: `q · scale + min` (rounded for an int32 weight), or the half
 * floats widened.
 *
 * @param spec the weight's manifest entry (its size checked by {@link storedBytes})
 * @param bytes exactly the weight's bytes, a copy the result may keep
 */
export function weightValues(spec: TfjsWeightSpec, bytes: Uint8Array): Float32Array | Int32Array {
  const quantization = spec.quantization;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (quantization === undefined) return spec.dtype === 'int32' ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const size = tf.util.sizeFromShape(spec.shape);
  const values = new Float32Array(size);
  if (quantization.dtype === 'float16') {
    for (let i = 0; i < size; i++) values[i] = halfToFloat(view.getUint16(2 * i, true));
  } else {
    const { min, scale } = quantization as Required<TfjsQuantization>;
    for (let i = 0; i < size; i++) values[i] = (quantization.dtype === 'uint8' ? view.getUint8(i) : view.getUint16(2 * i, true)) * scale + min;
  }
  return spec.dtype === 'int32' ? Int32Array.from(values, Math.round) : values;
}
