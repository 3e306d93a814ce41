import { tf } from '@dendrite/backend';

/**
 * A TF op call as tf.keras 2.x records it in a functional config: the first argument (a tensor, a
 * list of tensors or a constant) and every other argument by the TF function's parameter name.
 * Tensors are already resolved here.
 */
export interface ResolvedOpCall {
  first: unknown;
  kwargs: Record<string, unknown>;
}

/** One supported TF op: its Keras-recorded name and how it runs on tfjs ops. */
type OpImplementation = (call: ResolvedOpCall, owner: string) => tf.Tensor;

const tensorOf = (value: unknown, what: string, owner: string): tf.Tensor => {
  if (value instanceof tf.Tensor) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return tf.scalar(Number(value));
  if (Array.isArray(value)) return tf.tensor(value as number[]);
  throw new Error(`Expected ${what} of ${owner} to be a tensor or a number, received ${JSON.stringify(value)}`);
};

/** The second operand of a binary op: `y` (Keras's name for it in math.* and __operators__.*). */
const binary =
  (op: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, second = 'y'): OpImplementation =>
  ({ first, kwargs }, owner) => {
    const a = tensorOf(first, 'the first argument', owner);
    const b = tensorOf(kwargs[second], `argument "${second}"`, owner);
    // TF promotes a Python constant to the tensor's dtype; tfjs would upcast instead.
    return op(a, b.dtype === a.dtype ? b : tf.cast(b, a.dtype));
  };

const unary =
  (op: (a: tf.Tensor) => tf.Tensor): OpImplementation =>
  ({ first }, owner) =>
    op(tensorOf(first, 'the first argument', owner));

const axisList = (axis: unknown): number | number[] | undefined => (axis === null || axis === undefined ? undefined : (axis as number | number[]));

const reduction =
  (op: (x: tf.Tensor, axis?: number | number[], keepDims?: boolean) => tf.Tensor): OpImplementation =>
  ({ first, kwargs }, owner) =>
    op(tensorOf(first, 'the first argument', owner), axisList(kwargs.axis), kwargs.keepdims === true);

const tensorList = (value: unknown, owner: string): tf.Tensor[] =>
  (Array.isArray(value) ? value : [value]).map((item, index) => tensorOf(item, `value ${index}`, owner));

/** Softmax along any axis (tfjs's `tf.softmax` takes only the last). */
function softmax(x: tf.Tensor, axis: number): tf.Tensor {
  if (axis === -1 || axis === x.rank - 1) return tf.softmax(x);
  const shifted = tf.sub(x, tf.max(x, axis, true));
  const exp = tf.exp(shifted);
  return tf.div(exp, tf.sum(exp, axis, true));
}

/** GELU as `tf.nn.gelu` computes it: exact (with erf) or the tanh approximation. */
function gelu(x: tf.Tensor, approximate: boolean): tf.Tensor {
  if (approximate) {
    const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
    return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
  }
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
}

/** A `dtype` argument as TF names it, as a tfjs dtype. */
function tfjsDtype(dtype: unknown, owner: string): tf.DataType {
  const name = typeof dtype === 'string' ? dtype : String((dtype as { config?: { name?: string } })?.config?.name ?? dtype);
  if (name.startsWith('float')) return 'float32';
  if (name.startsWith('int') || name.startsWith('uint')) return 'int32';
  if (name === 'bool') return 'bool';
  throw new Error(`Expected a dtype tfjs has (float*, int*, bool) in ${owner}, received ${JSON.stringify(dtype)}`);
}

/**
 * The TF ops tf.keras 2.x's `TFOpLambda` records that run on tfjs, by the name Keras writes in the
 * layer's `function` (`math.add`, `__operators__.add`, `reshape`, …). Arguments follow the TF
 * functions' parameter names, which Keras uses as keys.
 *
 * @example
 * ```ts
 * const y = TF_OP_FUNCTIONS['math.multiply']({ first: x, kwargs: { y: 2 } }, 'layer "tf.math.multiply"');
 * ```
 */
export const TF_OP_FUNCTIONS: Readonly<Record<string, OpImplementation>> = {
  '__operators__.add': binary(tf.add),
  'math.add': binary(tf.add),
  'math.subtract': binary(tf.sub),
  'math.multiply': binary(tf.mul),
  'math.truediv': binary(tf.div),
  'math.divide': binary(tf.div),
  'math.pow': binary(tf.pow),
  'math.maximum': binary(tf.maximum),
  'math.minimum': binary(tf.minimum),
  'math.negative': unary(tf.neg),
  'math.exp': unary(tf.exp),
  'math.log': unary(tf.log),
  'math.sqrt': unary(tf.sqrt),
  'math.square': unary(tf.square),
  'math.abs': unary(tf.abs),
  'math.tanh': unary(tf.tanh),
  'math.sigmoid': unary(tf.sigmoid),
  'math.rsqrt': unary(tf.rsqrt),
  'math.reciprocal': unary(tf.reciprocal),
  'math.sin': unary(tf.sin),
  'math.cos': unary(tf.cos),
  'math.erf': unary(tf.erf),
  'math.floor': unary(tf.floor),
  'math.ceil': unary(tf.ceil),
  'math.round': unary(tf.round),
  'math.sign': unary(tf.sign),
  'math.softplus': unary(tf.softplus),
  'nn.relu': unary(tf.relu),
  'nn.relu6': unary(tf.relu6),
  'nn.elu': unary(tf.elu),
  'nn.selu': unary(tf.selu),
  'nn.silu': unary((x) => tf.mul(x, tf.sigmoid(x))),
  'nn.leaky_relu': ({ first, kwargs }, owner) => tf.leakyRelu(tensorOf(first, 'features', owner), (kwargs.alpha as number | undefined) ?? 0.2),
  'nn.gelu': ({ first, kwargs }, owner) => gelu(tensorOf(first, 'features', owner), kwargs.approximate === true),
  'math.l2_normalize': ({ first, kwargs }, owner) => {
    const x = tensorOf(first, 'x', owner);
    const squares = tf.sum(tf.square(x), axisList(kwargs.axis), true);
    return tf.mul(x, tf.rsqrt(tf.maximum(squares, (kwargs.epsilon as number | undefined) ?? 1e-12)));
  },
  tile: ({ first, kwargs }, owner) => tf.tile(tensorOf(first, 'input', owner), kwargs.multiples as number[]),
  'nn.sigmoid': unary(tf.sigmoid),
  'nn.softmax': ({ first, kwargs }, owner) => softmax(tensorOf(first, 'logits', owner), (kwargs.axis as number | null | undefined) ?? -1),
  'math.reduce_sum': reduction(tf.sum),
  'math.reduce_mean': reduction(tf.mean),
  'math.reduce_max': reduction(tf.max),
  'math.reduce_min': reduction(tf.min),
  'math.reduce_prod': reduction(tf.prod),
  'linalg.matmul': ({ first, kwargs }, owner) =>
    tf.matMul(tensorOf(first, 'a', owner), tensorOf(kwargs.b, 'argument "b"', owner), kwargs.transpose_a === true, kwargs.transpose_b === true),
  reshape: ({ first, kwargs }, owner) => {
    const x = tensorOf(first, 'the tensor', owner);
    return tf.reshape(x, (kwargs.shape as Array<number | null>).map((size) => size ?? -1));
  },
  transpose: ({ first, kwargs }, owner) => tf.transpose(tensorOf(first, 'a', owner), (kwargs.perm as number[] | null) ?? undefined),
  concat: ({ first, kwargs }, owner) => tf.concat(tensorList(first, owner), kwargs.axis as number),
  stack: ({ first, kwargs }, owner) => tf.stack(tensorList(first, owner), (kwargs.axis as number | undefined) ?? 0),
  squeeze: ({ first, kwargs }, owner) => {
    const x = tensorOf(first, 'input', owner);
    const axis = axisList(kwargs.axis ?? kwargs.squeeze_dims); // squeeze_dims: tf.compat.v1.squeeze's old name
    return tf.squeeze(x, axis === undefined ? undefined : ([] as number[]).concat(axis).map((a) => (a < 0 ? a + x.rank : a)));
  },
  expand_dims: ({ first, kwargs }, owner) => tf.expandDims(tensorOf(first, 'input', owner), kwargs.axis as number),
  cast: ({ first, kwargs }, owner) => tf.cast(tensorOf(first, 'x', owner), tfjsDtype(kwargs.dtype, owner)),
  clip_by_value: ({ first, kwargs }, owner) =>
    tf.clipByValue(tensorOf(first, 't', owner), kwargs.clip_value_min as number, kwargs.clip_value_max as number),
};

/**
 * Other names of the ops in {@link TF_OP_FUNCTIONS} (`multiply` is `math.multiply`,
 * `compat.v1.squeeze` is `squeeze`), as older tf.keras versions or other spellings record them.
 *
 * @example
 * ```ts
 * const op = TF_OP_FUNCTIONS[TF_OP_ALIASES[name] ?? name];
 * ```
 */
export const TF_OP_ALIASES: Readonly<Record<string, string>> = {
  add: 'math.add',
  subtract: 'math.subtract',
  multiply: 'math.multiply',
  truediv: 'math.truediv',
  divide: 'math.divide',
  pow: 'math.pow',
  maximum: 'math.maximum',
  minimum: 'math.minimum',
  negative: 'math.negative',
  exp: 'math.exp',
  sqrt: 'math.sqrt',
  square: 'math.square',
  abs: 'math.abs',
  tanh: 'math.tanh',
  sigmoid: 'math.sigmoid',
  reduce_sum: 'math.reduce_sum',
  reduce_mean: 'math.reduce_mean',
  reduce_max: 'math.reduce_max',
  reduce_min: 'math.reduce_min',
  reduce_prod: 'math.reduce_prod',
  matmul: 'linalg.matmul',
  'compat.v1.transpose': 'transpose',
  'compat.v1.squeeze': 'squeeze',
  'nn.tanh': 'math.tanh',
  rsqrt: 'math.rsqrt',
  'nn.l2_normalize': 'math.l2_normalize',
  'nn.swish': 'nn.silu',
  'nn.softplus': 'math.softplus',
  'math.softmax': 'nn.softmax',
};
