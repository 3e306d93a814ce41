import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/backend/testing';
// The package's own name, not relative paths: the published `testing` entry must share the
// main entry's classes and layer registry instead of bundling copies of them.
import { deserializeLayer, getMask, InputLayer, serializeLayer, SymbolicTensor, type Layer } from '@dendrite/layers';

/** What {@link runLayerTest} checks of one layer. */
export interface LayerTestCase {
  /** Makes a fresh layer (called twice: the layer and its config round trip). */
  makeLayer: () => Layer;
  /** Input shape with the batch axis (or shapes, for merge layers). */
  inputShape: number[] | number[][];
  /** Input dtype (int32 for Embedding, string for text layers with {@link LayerTestCase.makeInputs}). */
  inputDtype?: 'float32' | 'int32' | 'string';
  /** Makes the inputs instead of random values in `inputRange` (strings for lookup layers). */
  makeInputs?: () => tf.Tensor[];
  /** Range of the random input values. */
  inputRange?: [number, number];
  /** Expected output shape (or shapes). */
  expectedOutputShape: number[] | number[][];
  /** Expected weight shapes, in `weights` order. */
  expectedWeightShapes: number[][];
  /** How many of them are trainable (default: all). */
  expectedTrainableCount?: number;
  /** Whether one training step must change the trainable weights (default: when there are any). */
  expectTrainingChangesWeights?: boolean;
}

function isShapeList(shape: number[] | number[][]): shape is number[][] {
  return Array.isArray(shape[0]);
}

function makeInputs(testCase: LayerTestCase): tf.Tensor[] {
  if (testCase.makeInputs !== undefined) return testCase.makeInputs();
  const shapes = isShapeList(testCase.inputShape) ? testCase.inputShape : [testCase.inputShape];
  const [low, high] = testCase.inputRange ?? [-1, 1];
  return shapes.map((shape, index) => {
    const values = seededArray(tf.util.sizeFromShape(shape), 100 + index, low, high);
    return testCase.inputDtype === 'int32' ? tf.tensor(Int32Array.from(values, Math.floor), shape, 'int32') : tf.tensor(values, shape);
  });
}

function outputList(output: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(output) ? output : [output];
}

/** Frees outputs and the masks the engine attached to them (a mask-making layer's, like Embedding's). */
function disposeOutputs(output: tf.Tensor | tf.Tensor[]): void {
  const outputs = outputList(output);
  tf.dispose([...outputs.map((t) => getMask(t)).filter((mask): mask is tf.Tensor => mask != null), ...outputs]);
}

/**
 * The check every layer passes (Keras's `run_layer_test`): output shape on tensors and on symbolic
 * tensors, weight count and shapes, one training step whose gradients are finite and move the
 * weights, a config round trip that rebuilds an equal layer computing equal outputs, and no
 * leaked tensors. Runs on the current backend (use it inside `describeEachBackend`). A custom
 * layer must be registered (`registerLayer`) for the config round trip.
 *
 * @param testCase the layer factory, input and expected shapes
 * @throws a vitest assertion error naming the check that failed
 * @example
 * ```ts
 * describeEachBackend('Scale', () => {
 *   it('passes the layer test', () => runLayerTest({
 *     makeLayer: () => new Scale({}),
 *     inputShape: [2, 3],
 *     expectedOutputShape: [2, 3],
 *     expectedWeightShapes: [[3]],
 *   }));
 * });
 * ```
 */
export async function runLayerTest(testCase: LayerTestCase): Promise<void> {
  const layer = testCase.makeLayer();
  const inputs = makeInputs(testCase);
  const callInputs = isShapeList(testCase.inputShape) ? inputs : inputs[0];
  const expectedShapes = isShapeList(testCase.expectedOutputShape) ? testCase.expectedOutputShape : [testCase.expectedOutputShape];

  // Forward pass, output shapes, weights (the first call builds, so count tensors after it).
  const first = layer.apply(callInputs) as tf.Tensor | tf.Tensor[];
  expect(outputList(first).map((t) => t.shape)).toEqual(expectedShapes);
  disposeOutputs(first);
  expect(layer.weights.map((w) => w.shape)).toEqual(testCase.expectedWeightShapes);
  const trainableCount = testCase.expectedTrainableCount ?? testCase.expectedWeightShapes.length;
  expect(layer.trainableWeights).toHaveLength(trainableCount);

  await expectNoLeakedTensors(() => {
    disposeOutputs(layer.apply(callInputs, { training: false }) as tf.Tensor | tf.Tensor[]);
  });

  // Symbolic call: shapes with a null batch axis.
  const symbolicShapes = isShapeList(testCase.inputShape) ? testCase.inputShape : [testCase.inputShape];
  const symbols = symbolicShapes.map(
    (shape) => new InputLayer({ batchShape: [null, ...shape.slice(1)], dtype: testCase.inputDtype ?? 'float32' }).output,
  );
  const symbolic = layer.apply(isShapeList(testCase.inputShape) ? symbols : symbols[0]) as SymbolicTensor | SymbolicTensor[];
  const symbolicOutputs = Array.isArray(symbolic) ? symbolic : [symbolic];
  expect(symbolicOutputs.every((s) => s instanceof SymbolicTensor)).toBe(true);
  expect(symbolicOutputs.map((s) => s.shape.slice(1))).toEqual(expectedShapes.map((s) => s.slice(1)));

  // One training step: finite gradients for every trainable weight, which then move.
  if (trainableCount > 0) {
    const variables = layer.trainableWeights.map((w) => w.read());
    const before = variables.map((v) => v.dataSync().slice());
    layer.clearLosses();
    await expectNoLeakedTensors(() => {
      const { value, grads } = tf.variableGrads(() => {
        const output = outputList(layer.apply(callInputs, { training: true }) as tf.Tensor | tf.Tensor[]);
        const penalties = layer.losses;
        return tf.addN([...output.map((t) => tf.sum(tf.square(t))), ...penalties.map((p) => tf.sum(p))]) as tf.Scalar;
      }, variables);
      for (const variable of variables) {
        const grad = grads[variable.name];
        expect(grad, `gradient of ${variable.name}`).toBeDefined();
        expect(grad.dataSync().every(Number.isFinite), `finite gradient of ${variable.name}`).toBe(true);
        tf.tidy(() => variable.assign(tf.sub(variable, tf.mul(grad, 0.01))));
      }
      tf.dispose([value, ...Object.values(grads)]);
      // Activity losses live until clearLosses (the trainer clears them before the next step).
      layer.clearLosses();
    });
    if (testCase.expectTrainingChangesWeights ?? true) {
      const changed = variables.some((v, i) => v.dataSync().some((x, j) => x !== before[i][j]));
      expect(changed, 'one step changes the trainable weights').toBe(true);
    }
  }

  // Config round trip: an equal config, and equal outputs with the same weights.
  const serialized = JSON.parse(JSON.stringify(serializeLayer(layer)));
  const rebuilt = deserializeLayer(serialized);
  expect(rebuilt.className).toBe(layer.className);
  const rebuiltConfig = { ...rebuilt.getConfig(), name: layer.name };
  expect(JSON.parse(JSON.stringify(rebuiltConfig))).toEqual(serialized.config);
  const reference = layer.apply(callInputs, { training: false }) as tf.Tensor | tf.Tensor[];
  const again = rebuilt.apply(callInputs, { training: false }) as tf.Tensor | tf.Tensor[];
  const weights = layer.getWeights();
  rebuilt.setWeights(weights);
  tf.dispose(weights);
  disposeOutputs(again);
  const fromRebuilt = rebuilt.apply(callInputs, { training: false }) as tf.Tensor | tf.Tensor[];
  outputList(fromRebuilt).forEach((output, index) => expectArraysClose(output, outputList(reference)[index], 1e-5));
  disposeOutputs(fromRebuilt);
  disposeOutputs(reference);
  tf.dispose(inputs);
  layer.dispose();
  rebuilt.dispose();
}
