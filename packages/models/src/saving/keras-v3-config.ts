import { type KerasSerialized, keysToSnakeCase } from '@dendrite/backend/internal';
import { withKeras3ModelNodes } from './nested-model-nodes';
import { OP_LAMBDA_CLASSES, type TensorReference, opNodeFromKeras3, opNodeToKeras3 } from '../tf-op-nodes';

type Json = Record<string, unknown>;

/** Keras 3's serialized object: the module it comes from and its registered name beside `class_name`/`config`. */
export interface Keras3Serialized extends KerasSerialized {
  module: string | null;
  registered_name: string | null;
  build_config?: Json;
  compile_config?: Json | null;
}

const isSerialized = (value: unknown): value is KerasSerialized =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as KerasSerialized).class_name === 'string' && 'config' in (value as object);

/** Keras 3 layers whose constructor takes no `trainable` (nor `**kwargs`): `BaseSpatialDropout`'s. */
export const NO_TRAINABLE_ARGUMENT = new Set(['SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D']);

/**
 * A number Python must read as a float although it is whole (`0.0`, not `0`): Keras's optimizers
 * check `isinstance(momentum, float)`. {@link pythonJson} writes it with a decimal point.
 */
export class PythonFloat {
  constructor(readonly value: number) {}
  toJSON(): string {
    return `${FLOAT_MARK}${this.value}`;
  }
}

const FLOAT_MARK = '\u0000float:';

/** JSON as Python's `json` reads it back, whole {@link PythonFloat}s written as `2.0`. */
export function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000float:([^"]*)"/g, (_, number: string) => (/^-?\d+$/.test(number) ? `${number}.0` : number));
}

/** Config keys of Keras's optimizers that are integers; every other number is a float to Python. */
const INTEGER_OPTIMIZER_KEYS = new Set(['ema_overwrite_frequency', 'gradient_accumulation_steps', 'iterations']);

/** An optimizer's `{class_name, config}` with its float settings marked as {@link PythonFloat}s. */
export function withPythonFloats(optimizer: KerasSerialized): KerasSerialized {
  const config = Object.fromEntries(
    Object.entries(optimizer.config ?? {}).map(([key, value]) => [key, typeof value === 'number' && !INTEGER_OPTIMIZER_KEYS.has(key) ? new PythonFloat(value) : value]),
  );
  return { ...optimizer, config };
}

/** The Keras 3 module of a nested object, from the key that holds it. */
function moduleOfKey(key: string): string {
  if (key.endsWith('_initializer')) return 'keras.initializers';
  if (key.endsWith('_regularizer')) return 'keras.regularizers';
  if (key.endsWith('_constraint')) return 'keras.constraints';
  return 'keras.layers';
}

/** A dtype as Keras 3 writes it on layers: a `DTypePolicy` object. */
function dtypePolicy(name: unknown): Keras3Serialized {
  return { module: 'keras', class_name: 'DTypePolicy', config: { name: name ?? 'float32' }, registered_name: null };
}

/** One layer's config in Keras 3's dialect: dtype policies, nested objects with their modules, no `batch_input_shape`. */
function layerToKeras3(serialized: KerasSerialized): Keras3Serialized {
  if (serialized.class_name === 'ThresholdedReLU') {
    // Keras 3 removed ThresholdedReLU; its guide points to ReLU with a threshold (equal except at x = θ).
    const { theta, ...rest } = serialized.config as Json;
    serialized = { class_name: 'ReLU', config: { ...rest, max_value: null, negative_slope: new PythonFloat(0), threshold: new PythonFloat(theta as number) } };
  }
  const isInput = serialized.class_name === 'InputLayer';
  const config: Json = {};
  for (const [key, value] of Object.entries(serialized.config ?? {})) {
    if (!isInput && (key === 'batch_input_shape' || key === 'input_shape')) continue;
    if (key === 'trainable' && NO_TRAINABLE_ARGUMENT.has(serialized.class_name)) continue;
    if (key === 'dtype' && !isInput) config.dtype = dtypePolicy(value);
    else if (key === 'layers' && Array.isArray(value)) config.layers = value.map((layer) => nestedLayerToKeras3(layer as KerasSerialized & Json));
    else if (isSerialized(value)) config[key] = moduleOfKey(key) === 'keras.layers' ? layerToKeras3(value) : { module: moduleOfKey(key), ...value, registered_name: null };
    else config[key] = value;
  }
  return { module: 'keras.layers', class_name: serialized.class_name, config, registered_name: null };
}

/** The shape and dtype of a functional model's tensor, by its reference `[layer, node, tensor]`. */
export type TensorSpecOf = (layer: string, node: number, tensor: number) => { shape: Array<number | null>; dtype: string };

/** A layer inside a Sequential or functional config (functional entries carry `name` and `inbound_nodes`). */
function nestedLayerToKeras3(entry: KerasSerialized & Json, specOf?: TensorSpecOf): Json {
  const { class_name, config, ...rest } = entry;
  const converted: Json = { ...layerToKeras3({ class_name, config }) };
  if (!('inbound_nodes' in rest)) return converted;
  const positional = POSITIONAL_INPUTS.has(class_name);
  if (OP_LAMBDA_CLASSES.has(class_name)) {
    const tensor = (ref: TensorReference) => ({ class_name: '__keras_tensor__', config: { ...(specOf?.(...ref) ?? { shape: null, dtype: 'float32' }), keras_history: ref } });
    return { ...converted, name: rest.name, inbound_nodes: (rest.inbound_nodes as unknown[]).map((node) => opNodeToKeras3(node, `layer "${String(rest.name)}"`, tensor)) };
  }
  return { ...converted, name: rest.name, inbound_nodes: (rest.inbound_nodes as unknown[]).map((node) => nodeToKeras3(node, specOf, positional)) };
}

/** Layers whose inputs are separate arguments in Keras 3 (`mha(query, value, key)`), not one list. */
const POSITIONAL_INPUTS = new Set(['MultiHeadAttention']);

/**
 * A legacy inbound node `[[layer, node, tensor, kwargs], …]` as Keras 3 writes it:
 * `{args: [tensor or [tensors]], kwargs}` with `__keras_tensor__` references (`{args: [query,
 * value], kwargs}` for a layer taking its inputs as separate arguments), call options in snake_case.
 */
function nodeToKeras3(node: unknown, specOf?: TensorSpecOf, positional = false): Json {
  const refs = node as Array<[string, number, number, Json?]>;
  const tensor = (ref: [string, number, number, Json?]) => ({
    class_name: '__keras_tensor__',
    config: { ...(specOf?.(ref[0], ref[1], ref[2]) ?? { shape: null, dtype: 'float32' }), keras_history: [ref[0], ref[1], ref[2]] },
  });
  const kwargs = keysToSnakeCase(refs[0]?.[3] ?? {});
  if (positional) return { args: refs.map(tensor), kwargs };
  return { args: [refs.length === 1 ? tensor(refs[0]) : refs.map(tensor)], kwargs };
}

/**
 * A model's config (Dendrite's `serializeLayer(model)`, in the Keras 2 / TF.js dialect) as Keras 3
 * writes `config.json`: every object with `module` and `registered_name`, dtype policies, functional
 * nodes as `{args, kwargs}`, `input_layers` / `output_layers` references to nested functional
 * models counted from 1 (see {@link withKeras3ModelNodes}), and the model's `build_config` and
 * `compile_config`.
 */
export function modelConfigToKeras3(serialized: KerasSerialized, compileConfig: Json | null, specOf?: TensorSpecOf): Keras3Serialized {
  const config: Json = { ...withKeras3ModelNodes(serialized).config };
  config.layers = ((config.layers as Array<KerasSerialized & Json>) ?? []).map((layer) => nestedLayerToKeras3(layer, specOf));
  const functional = serialized.class_name !== 'Sequential';
  if (!functional) config.dtype = dtypePolicy('float32');
  return {
    module: functional ? 'keras.src.models.functional' : 'keras',
    class_name: serialized.class_name,
    config,
    registered_name: functional ? serialized.class_name : null,
    build_config: { input_shape: functional ? null : ((config.build_input_shape as unknown) ?? null) },
    compile_config: compileConfig,
  };
}

/** Dendrite's compile config as Keras 3's `compile_config`. */
export function compileConfigToKeras3(compile: Json | null): Json | null {
  if (!compile) return null;
  const optimizer = compile.optimizer as KerasSerialized;
  const losses = (compile.loss as Array<string | KerasSerialized>).map((loss) => (typeof loss === 'string' ? loss : { module: 'keras.losses', ...loss, registered_name: null }));
  const weights = compile.loss_weights as number[] | undefined;
  const metrics = compile.metrics as unknown[] | undefined;
  return {
    optimizer: { module: 'keras.optimizers', ...withPythonFloats(optimizer), registered_name: null },
    loss: losses.length === 1 ? losses[0] : losses,
    loss_weights: weights === undefined || weights.every((w) => w === 1) ? null : weights,
    metrics: metrics === undefined || metrics.length === 0 ? null : metrics,
    weighted_metrics: (compile.weighted_metrics as unknown[] | undefined) ?? null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

/** Keras 3's `compile_config` (or a legacy `training_config`) as Dendrite's `compile` arguments. */
export function compileArgsFromKeras(compile: Json): Json {
  const optimizer = fromKeras3(compile.optimizer ?? compile.optimizer_config);
  return {
    optimizer,
    loss: fromKeras3(compile.loss),
    metrics: fromKeras3(compile.metrics) ?? undefined,
    ...(compile.loss_weights == null ? {} : { lossWeights: compile.loss_weights }),
    ...(compile.weighted_metrics == null ? {} : { weightedMetrics: fromKeras3(compile.weighted_metrics) }),
  };
}

/** A Keras 3 inbound node `{args, kwargs}` in the legacy form `[[layer, node, tensor, kwargs], …]`. */
function nodeFromKeras3(node: unknown): unknown {
  if (Array.isArray(node)) return node;
  const { args, kwargs } = node as { args: unknown[]; kwargs?: Json };
  const refs: Array<[string, number, number, Json]> = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isSerialized(value) && value.class_name === '__keras_tensor__') {
      const [layer, nodeIndex, tensorIndex] = (value.config as { keras_history: [string, number, number] }).keras_history;
      refs.push([layer, nodeIndex, tensorIndex, {}]);
    }
  };
  // Every positional tensor (`mha(query, value)` writes both), then MultiHeadAttention's tensor keywords in call order.
  (args ?? []).forEach(visit);
  const hasTensor = (value: unknown) => JSON.stringify(value ?? null).includes('__keras_tensor__');
  const inputKeywords = ['query', 'value', 'key'].filter((name) => hasTensor(kwargs?.[name]));
  inputKeywords.forEach((name) => visit(kwargs![name]));
  const tensorArgument = Object.entries(kwargs ?? {}).find(([name, v]) => !inputKeywords.includes(name) && hasTensor(v));
  if (tensorArgument) throw new Error(`Expected call arguments without tensors in a functional node, received a tensor for "${tensorArgument[0]}" (not supported here)`);
  const callArgs = Object.fromEntries(Object.entries(kwargs ?? {}).filter(([name]) => !inputKeywords.includes(name)));
  return refs.map((ref) => [ref[0], ref[1], ref[2], callArgs]);
}

/**
 * Any Keras 3 serialized value in Dendrite's dialect: `module`, `registered_name` and
 * `build_config` dropped, dtype policies as their name, built-in functions (`{class_name:
 * 'function', config: 'relu'}`) as their name, functional nodes in the legacy form. Plain data
 * in, plain data out: nothing is evaluated.
 */
export function fromKeras3(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromKeras3);
  if (value instanceof PythonFloat) return value.value;
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Json;
  if (isSerialized(record)) {
    if (record.class_name === 'DTypePolicy' || record.class_name === 'FloatDTypePolicy') return (record.config as Json).name;
    if (record.class_name === 'function' && typeof record.config === 'string') return record.config;
    const out: Json = { class_name: record.class_name, config: fromKeras3(record.config) };
    if ('name' in record) out.name = record.name;
    if ('inbound_nodes' in record) {
      // A tf.keras 2.x op layer's node holds the op's arguments (see tf-op-nodes).
      const opLayer = OP_LAMBDA_CLASSES.has(record.class_name as string);
      out.inbound_nodes = (record.inbound_nodes as unknown[]).map((node) => (opLayer ? opNodeFromKeras3(fromKeras3(node)) : nodeFromKeras3(node)));
    }
    return out;
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, fromKeras3(item)]));
}
