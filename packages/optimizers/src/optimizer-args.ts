import type { ClipOptions } from './clipping';
import type { LearningRateSchedule } from './schedules/learning-rate-schedule';

/** Arguments every optimizer takes, as Keras 3's base optimizer. */
export interface OptimizerArgs extends ClipOptions {
  /** A number ≥ 0, or a schedule of the step. Each optimizer has its Keras default. */
  learningRate?: number | LearningRateSchedule;
  /** Decoupled weight decay `w ← w − w·λ·η` before each update (AdamW's; any optimizer may use it, as in Keras 3). */
  weightDecay?: number | null;
  /** The optimizer's name (Keras's: `adam`, `SGD`, `rmsprop`…). */
  name?: string;
}

/** What a subclass passes to the base constructor: its Keras defaults. */
export interface OptimizerDefaults {
  /** The learning rate when none is given. */
  learningRate: number;
  /** The name when none is given. */
  name: string;
  /** The weight decay when none (or null) is given; none by default (AdamW's is 0.004). */
  weightDecay?: number;
}
