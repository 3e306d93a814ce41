import { tf } from '@dendrite/backend';
import { keepsSoftmaxLogits, softmaxLogits } from '@dendrite/backend/internal';
import type { CallArgs, NodeLayer, TensorOrList } from './layer-contract';
import type { WeightRegularizer } from './layer-variable';
import { getMask, setMask } from './masking';
import { type Shape, isShapeList } from './shape';
import { type LayerNode, SymbolicTensor } from './symbolic-graph';

/**
 * What running a layer needs of it. `Layer` has all of it; naming it here keeps this file from
 * importing layer.ts, which imports this one. `L` is the layer type its symbolic outputs carry.
 */
export interface ApplicableLayer<L extends NodeLayer = NodeLayer> extends NodeLayer {
  readonly dtype: tf.DataType;
  readonly inboundNodes: LayerNode<L>[];
  readonly activityRegularizer?: WeightRegularizer;
  assertInputCompatibility(shapes: ReadonlyArray<readonly (number | null)[]>): void;
  maybeBuild(inputShape: Shape | Shape[]): void;
  call(inputs: TensorOrList, args: CallArgs): TensorOrList;
  computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[];
  computeOutputDtype(inputDtypes: tf.DataType[]): tf.DataType;
  computeMask(inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | tf.Tensor[] | null;
  addLoss(loss: tf.Tensor): void;
  clearLosses(): void;
}

function toList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** The shape argument a layer's build/computeOutputShape gets: one shape, or a list for lists. */
function shapeArgument(inputs: unknown, shapes: Shape[]): Shape | Shape[] {
  return Array.isArray(inputs) ? shapes : shapes[0];
}

let callDepth = 0;

/**
 * Runs a layer on concrete tensors: checks the input spec, builds, casts integer inputs, finds the
 * incoming mask, calls, records activity losses and attaches the output mask. Intermediates are
 * freed; outputs, masks and losses are kept. The outermost call first drops the activity losses of
 * the previous call, as Keras does, so they never pile up. `autoCastInputs` is the layer's own
 * (protected) setting: whether inputs of another dtype are cast to the layer's before `call`.
 */
export function applyOnTensors(layer: ApplicableLayer, inputs: TensorOrList, args: CallArgs, autoCastInputs: boolean): TensorOrList {
  if (callDepth === 0) layer.clearLosses();
  callDepth++;
  try {
    return applyOnTensorsInside(layer, inputs, args, autoCastInputs);
  } finally {
    callDepth--;
  }
}

function applyOnTensorsInside(layer: ApplicableLayer, inputs: TensorOrList, args: CallArgs, autoCastInputs: boolean): TensorOrList {
  const tensors = toList(inputs);
  for (const [index, tensor] of tensors.entries()) {
    if (!(tensor instanceof tf.Tensor)) {
      throw new Error(`Expected a tensor or a symbolic tensor as input ${index} of layer "${layer.name}", received ${describe(tensor)}`);
    }
    if (tensor.isDisposed) throw new Error(`Expected a live tensor as input ${index} of layer "${layer.name}", received a disposed one`);
  }
  const shapes = tensors.map((tensor) => tensor.shape as Shape);
  layer.assertInputCompatibility(shapes);
  layer.maybeBuild(shapeArgument(inputs, shapes));

  const mask = args.mask !== undefined ? args.mask : incomingMask(inputs);
  // A softmax output's logits outlive this call's tidy when an enclosing scope frees them (the
  // trainer's steps, a user's tf.tidy or tf.variableGrads), so that a crossentropy can start from
  // them; at the top level they go with it. Asked before the tidy below opens.
  const keepLogits = keepsSoftmaxLogits();
  type Result = { outputs: TensorOrList; outputMask: tf.Tensor | tf.Tensor[] | null; losses: tf.Tensor[] };
  const { outputs, outputMask, losses } = tf.tidy(() => {
    const cast = tensors.map((tensor) =>
      autoCastInputs && tensor.dtype !== layer.dtype && tensor.dtype !== 'string' ? tf.cast(tensor, layer.dtype) : tensor,
    );
    const callInputs = Array.isArray(inputs) ? cast : cast[0];
    const raw = layer.call(callInputs, { ...args, mask });
    // An output that is an input (an identity layer) becomes a clone sharing its data, so the
    // caller owns every tensor apply returns.
    const ownOutput = (output: tf.Tensor) => (tensors.includes(output) ? tf.clone(output) : output);
    const result = Array.isArray(raw) ? raw.map(ownOutput) : ownOutput(raw);
    const regularizer = layer.activityRegularizer;
    const activity = regularizer ? toList(result).map((output) => activityLoss(regularizer, output)) : [];
    const resultMask = layer.computeMask(callInputs, mask ?? null);
    const logits = keepLogits ? toList(result).map(softmaxLogits).filter((tensor) => tensor !== undefined) : [];
    return { outputs: result, outputMask: resultMask, losses: activity, logits } as unknown as tf.TensorContainer;
  }) as unknown as Result;
  for (const loss of losses) layer.addLoss(loss);
  if (outputMask !== null) {
    const outputList = toList(outputs);
    const maskList = toList(outputMask);
    // A list of masks goes output by output; a single mask belongs to the first output.
    outputList.forEach((output, index) => {
      if (index < maskList.length) setMask(output, maskList[index]);
    });
  }
  return outputs;
}

/**
 * The activity penalty of one output, divided by its batch size as Keras 3 does (the strength does
 * not depend on the batch size; an empty batch gives 0, Keras's `divide_no_nan`).
 */
function activityLoss(regularizer: WeightRegularizer, output: tf.Tensor): tf.Tensor {
  const penalty = regularizer.call(output);
  if (output.rank === 0) return penalty;
  const batchSize = output.shape[0];
  return batchSize === 0 ? tf.zerosLike(penalty) : tf.div(penalty, batchSize);
}

function incomingMask(inputs: TensorOrList): tf.Tensor | tf.Tensor[] | null {
  if (!Array.isArray(inputs)) return getMask(inputs);
  const masks = inputs.map(getMask);
  return masks.every((mask) => mask === null) ? null : (masks as tf.Tensor[]);
}

/** Records a call of `layer` on symbolic tensors and returns its symbolic outputs. */
export function applyOnSymbols<L extends ApplicableLayer<L>>(
  layer: L,
  inputs: SymbolicTensor<L> | SymbolicTensor<L>[],
  args: CallArgs,
): SymbolicTensor<L> | SymbolicTensor<L>[] {
  const symbols = toList(inputs);
  const shapes = symbols.map((symbol) => symbol.shape);
  layer.assertInputCompatibility(shapes);
  layer.maybeBuild(shapeArgument(inputs, shapes));
  const outputShape = layer.computeOutputShape(shapeArgument(inputs, shapes));
  const dtype = layer.computeOutputDtype(symbols.map((symbol) => symbol.dtype));
  const nodeIndex = layer.inboundNodes.length;
  const outputShapes = isShapeList(outputShape) ? outputShape : [outputShape];
  const outputs = outputShapes.map((shape, index) => new SymbolicTensor([...shape], dtype, layer, nodeIndex, index));
  const callArgs = Object.fromEntries(Object.entries(args).filter(([key, value]) => key !== 'mask' && !(value instanceof tf.Tensor)));
  layer.inboundNodes.push({ layer, inputs: symbols, outputs, inputIsList: Array.isArray(inputs), callArgs });
  return isShapeList(outputShape) ? outputs : outputs[0];
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : `${typeof value} ${String(value)}`;
}
