import { tf } from '@dendrite/backend';
import type { TensorOrList } from '@dendrite/layers';
import type { Model } from '../model';

/** One batch as a step receives it. */
export interface StepData {
  x: tf.Tensor[];
  y: tf.Tensor[];
  sampleWeight?: tf.Tensor;
}

function outputList(outputs: TensorOrList): tf.Tensor[] {
  return Array.isArray(outputs) ? outputs : [outputs];
}

function modelInputs(x: tf.Tensor[]): TensorOrList {
  return x.length === 1 ? x[0] : x;
}

/**
 * Keras's `train_step`: the forward pass in training mode, the loss (with regularization
 * penalties), gradients of the trainable weights, the optimizer update, constraints, and the
 * metric updates from the same predictions. Nothing is read back from the backend.
 */
export function defaultTrainStep(model: Model, data: StepData): void {
  const compiled = model.requireCompiled('fit');
  // A subclassed model (or a Sequential without an input shape) makes its weights on its first call.
  if (!model.built) tf.dispose(model.apply(modelInputs(data.x), { training: false }) as TensorOrList);
  const variables = model.trainableWeights.map((weight) => weight.read());
  if (variables.length === 0) {
    throw new Error(`Expected model "${model.name}" to have trainable weights to fit, received none (is every layer frozen?)`);
  }
  tf.tidy(() => {
    let predictions: tf.Tensor[] = [];
    let perOutput: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      model.clearLosses();
      predictions = outputList(model.apply(modelInputs(data.x), { training: true }) as TensorOrList);
      const losses = compiled.computeLoss(data.y, predictions, data.sampleWeight, model.losses);
      perOutput = losses.perOutput;
      predictions.forEach((prediction) => tf.keep(prediction));
      perOutput.forEach((loss) => tf.keep(loss));
      return losses.total;
    }, variables);
    model.clearLosses();
    compiled.applyGradients(grads, variables);
    model.applyConstraints();
    compiled.updateMetrics(data.y, predictions, data.sampleWeight, value, perOutput);
    tf.dispose([...predictions, ...perOutput]);
  });
}

/** Keras's `test_step`: forward pass in inference mode, loss and metric updates. */
export function defaultTestStep(model: Model, data: StepData): void {
  const compiled = model.requireCompiled('evaluate');
  tf.tidy(() => {
    model.clearLosses();
    const predictions = outputList(model.apply(modelInputs(data.x), { training: false }) as TensorOrList);
    const losses = compiled.computeLoss(data.y, predictions, data.sampleWeight, model.losses);
    model.clearLosses();
    compiled.updateMetrics(data.y, predictions, data.sampleWeight, losses.total, losses.perOutput);
  });
}
