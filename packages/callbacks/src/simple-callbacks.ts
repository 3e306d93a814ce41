import { Callback } from './callback';
import type { Logs } from './training-model';

/** Sets the learning rate at each epoch's start to `schedule(epoch, currentRate)`. */
export class LearningRateScheduler extends Callback {
  constructor(
    private readonly schedule: (epoch: number, learningRate: number) => number,
    private readonly verbose: 0 | 1 = 0,
  ) {
    super();
    if (typeof schedule !== 'function') throw new Error(`Expected a schedule function (epoch, learningRate) => number, received ${typeof schedule}`);
  }
  override onEpochBegin(epoch: number): void {
    const rate = this.schedule(epoch, this.model!.getLearningRate());
    if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      throw new Error(`Expected the schedule to return a finite number at epoch ${epoch}, received ${String(rate)}`);
    }
    this.model!.setLearningRate(rate);
    if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${rate}.`);
  }
  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    logs.learning_rate = this.model!.getLearningRate();
  }
}

/** Stops training as soon as a batch's loss is NaN or infinite. */
export class TerminateOnNaN extends Callback {
  /** The batch it stopped at, or −1. */
  stoppedBatch = -1;
  override onBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      console.log(`Batch ${batch}: Invalid loss, terminating training`);
      this.stoppedBatch = batch;
      this.model!.stopTraining = true;
    }
  }
}

/** Hooks given as functions. */
export interface LambdaHooks {
  onTrainBegin?: (logs?: Logs) => void | Promise<void>;
  onTrainEnd?: (logs?: Logs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs?: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs?: Logs) => void | Promise<void>;
}

/** A callback made of functions, as Keras's `LambdaCallback`. */
export class LambdaCallback extends Callback {
  constructor(hooks: LambdaHooks) {
    super();
    for (const [name, hook] of Object.entries(hooks)) {
      if (typeof hook !== 'function') throw new Error(`Expected ${name} to be a function in LambdaCallback, received ${typeof hook}`);
      (this as unknown as Record<string, unknown>)[name] = hook;
    }
  }
}

export const learningRateScheduler = (schedule: (epoch: number, learningRate: number) => number, verbose: 0 | 1 = 0) => new LearningRateScheduler(schedule, verbose);
export const terminateOnNaN = () => new TerminateOnNaN();
export const lambdaCallback = (hooks: LambdaHooks) => new LambdaCallback(hooks);
