import { tf } from '@dendrite/backend';
import { shapeToString } from './shape';

/** Makes a weight's initial value (an initializer, structurally). */
export interface WeightInitializer {
  call(shape: number[], dtype?: tf.DataType): tf.Tensor;
}

/** Turns a weight into a penalty added to the loss (a regularizer, structurally). */
export interface WeightRegularizer {
  call(weight: tf.Tensor): tf.Tensor;
}

/** Projects a weight back onto an allowed set after each update (a constraint, structurally). */
export interface WeightConstraint {
  call(weight: tf.Tensor): tf.Tensor;
}

let variableCounter = 0;

/**
 * One weight of a layer: a `tf.Variable` with its Keras name (`kernel`), path (`dense/kernel`),
 * trainability, regularizer and constraint.
 */
export class LayerVariable {
  /** The tfjs variable holding the value; its tfjs name is unique, unlike Keras paths. */
  readonly variable: tf.Variable;
  /** Whether the optimizer updates it (when its layer is trainable too). */
  trainable: boolean;

  constructor(
    /** The weight's own name: `kernel`, `bias`, `moving_mean`. */
    readonly name: string,
    /** `layerName/weightName`, as Keras's `variable.path`. */
    readonly path: string,
    initialValue: tf.Tensor,
    trainable: boolean,
    readonly regularizer?: WeightRegularizer,
    readonly constraint?: WeightConstraint,
  ) {
    this.trainable = trainable;
    variableCounter += 1;
    this.variable = tf.variable(initialValue, trainable, `${path}_${variableCounter}`, initialValue.dtype);
  }

  /** The shape of the weight. */
  get shape(): number[] {
    return this.variable.shape;
  }

  /** The dtype of the weight. */
  get dtype(): tf.DataType {
    return this.variable.dtype;
  }

  /** The current value (the variable itself: do not dispose it). */
  read(): tf.Variable {
    return this.variable;
  }

  /**
   * Sets the value, after checking its shape.
   *
   * @throws Error naming the weight, expected vs received shape
   */
  write(value: tf.Tensor): void {
    if (!tf.util.arraysEqual(value.shape, this.variable.shape)) {
      throw new Error(
        `Expected a value of shape ${shapeToString(this.variable.shape)} for weight "${this.path}", received ${shapeToString(value.shape)}`,
      );
    }
    this.variable.assign(value.dtype === this.variable.dtype ? value : tf.cast(value, this.variable.dtype));
  }

  /** Applies the constraint, if any (the trainer calls this after each optimizer step). */
  applyConstraint(): void {
    if (this.constraint == null) return;
    const constrained = tf.tidy(() => this.constraint!.call(this.variable));
    this.variable.assign(constrained);
    constrained.dispose();
  }

  /** The regularization penalty of this weight, or null; call it inside `tf.tidy`. */
  regularizationLoss(): tf.Tensor | null {
    return this.regularizer == null ? null : this.regularizer.call(this.variable);
  }

  /** Frees the variable. */
  dispose(): void {
    this.variable.dispose();
  }
}
