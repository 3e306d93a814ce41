import { tf } from '@dendrite/backend';
import { withSoftmaxLogits } from '@dendrite/backend/internal';
import type { ModelContract, StepData } from '../contracts/model-contract';
import type { ModelOutput } from '../model-output';
import { ensureOutputsKnown, flattenOutputs, packInputs } from './model-structure';

/** The model's outputs on a batch, as a list in output order. */
function forward(model: ModelContract, x: tf.Tensor[], training: boolean): tf.Tensor[] {
  return flattenOutputs(model, model.apply(packInputs(model, x), { training }) as ModelOutput);
}

/**
 * Keras's `train_step`: the forward pass in training mode, the loss (with regularization
 * penalties), gradients of the trainable weights, the optimizer update, constraints, and the
 * metric updates from the same predictions. Nothing is read back from the backend. A softmax
 * output's loss starts from its logits, as Keras's (`withSoftmaxLogits`).
 */
export function defaultTrainStep(model: ModelContract, data: StepData): void {
  // Stryker disable next-line StringLiteral: fit and trainOnBatch have checked compile, naming themselves, before any step
  const compiled = model.requireCompiled('fit');
  // A subclassed model (or a Sequential without an input shape) makes its weights on its first call.
  ensureOutputsKnown(model, data.x);
  const variables = model.trainableWeights.map((weight) => weight.read());
  if (variables.length === 0) {
    throw new Error(`Expected model "${model.name}" to have trainable weights to fit, received none (is every layer frozen?)`);
  }
  withSoftmaxLogits(() => {
    // Stryker disable next-line ArrayDeclaration: assigned inside variableGrads before any read
    let predictions: tf.Tensor[] = [];
    // Stryker disable next-line ArrayDeclaration: assigned inside variableGrads before any read
    let perOutput: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      model.clearLosses();
      predictions = forward(model, data.x, true);
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

/** Keras's `test_step`: forward pass in inference mode, loss (from a softmax output's logits) and metric updates. */
export function defaultTestStep(model: ModelContract, data: StepData): void {
  // Stryker disable next-line StringLiteral: evaluate, fit's validation and testOnBatch have checked compile, naming themselves, before any step
  const compiled = model.requireCompiled('evaluate');
  ensureOutputsKnown(model, data.x);
  withSoftmaxLogits(() => {
    model.clearLosses();
    const predictions = forward(model, data.x, false);
    const losses = compiled.computeLoss(data.y, predictions, data.sampleWeight, model.losses);
    model.clearLosses();
    compiled.updateMetrics(data.y, predictions, data.sampleWeight, losses.total, losses.perOutput);
  });
}
