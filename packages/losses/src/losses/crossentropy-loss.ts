import { optionKeys, checkNumber, inInterval } from '@dendrite/backend/internal';
import { type LossArgs, Loss } from './loss';

/** Options of the binary and categorical crossentropies. */
export interface CrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities; false by default. */
  fromLogits?: boolean;
  /** In [0, 1]: how far targets are pulled towards the uniform distribution; 0 by default. */
  labelSmoothing?: number;
  /** The axis the loss is averaged (binary) or summed (categorical) over; −1 by default. */
  axis?: number;
}

/** The option keys of {@link CrossentropyOptions}, which the functions and the classes read. */
export const CROSSENTROPY_OPTION_KEYS = optionKeys<CrossentropyOptions>({ fromLogits: true, labelSmoothing: true, axis: true });

/** The binary and categorical crossentropy losses: their options, checked once, and their config. */
export abstract class CrossentropyLoss extends Loss {
  static override readonly optionKeys = CROSSENTROPY_OPTION_KEYS;
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  /** The options as the loss function takes them, made once. */
  protected readonly functionOptions: CrossentropyOptions;

  /** @throws Error when `labelSmoothing` is outside [0, 1] */
  protected constructor(args: LossArgs & CrossentropyOptions, defaultName: string) {
    super(args, defaultName);
    this.fromLogits = args.fromLogits ?? false;
    this.labelSmoothing = checkNumber(args.labelSmoothing ?? 0, 'labelSmoothing', this.owner, inInterval(0, 1));
    this.axis = args.axis ?? -1;
    this.functionOptions = { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing, axis: this.axis };
  }
}
