import { Oracle, type OracleOptions, type OracleState, type Population } from './oracle';

/** Options of {@link HyperbandOracle}, KerasTuner's `Hyperband` arguments. */
export interface HyperbandOptions extends Omit<OracleOptions, 'maxTrials'> {
  /** The most epochs one model trains. */
  maxEpochs: number;
  /** The reduction factor of epochs and models from one round to the next (3). */
  factor?: number;
  /** How many times the whole Hyperband sweep runs (1). */
  hyperbandIterations?: number;
  /** An upper bound on trials (none: the brackets decide). */
  maxTrials?: number;
}

interface RoundEntry {
  pastId: string | null;
  id: string;
}

interface Bracket {
  bracketNum: number;
  rounds: RoundEntry[][];
}

interface HyperbandState {
  brackets: Bracket[];
  currentBracket: number;
  currentIteration: number;
}

/**
 * KerasTuner's `HyperbandOracle`: brackets of successive halving, from the most aggressive (many
 * models, few epochs) to plain random search; the best `1/factor` of each round trains on, from
 * its checkpoint, for `factor` times the epochs. Bracket sizes and epochs follow KerasTuner's
 * formulas exactly ({@link HyperbandOracle.size}, {@link HyperbandOracle.epochs}).
 */
export class HyperbandOracle extends Oracle {
  readonly maxEpochs: number;
  readonly factor: number;
  readonly hyperbandIterations: number;
  /** KerasTuner's `min_epochs`. */
  readonly minEpochs = 1;
  private brackets: Bracket[] = [];
  private currentBracket: number;
  private currentIteration = 0;

  /**
   * @throws RangeError for maxEpochs < 1 or factor < 2
   */
  constructor(options: HyperbandOptions) {
    super(options);
    if (!(options.maxEpochs >= 1)) throw new RangeError(`Expected maxEpochs to be at least 1 in Hyperband, received ${options.maxEpochs}`);
    if ((options.factor ?? 3) < 2) throw new RangeError(`Expected factor to be an integer larger than 1 in Hyperband, received ${options.factor}`);
    this.maxEpochs = options.maxEpochs;
    this.factor = options.factor ?? 3;
    this.hyperbandIterations = options.hyperbandIterations ?? 1;
    this.currentBracket = this.bracketCount() - 1;
    this.startNewBracket();
  }

  get kind(): string {
    return 'Hyperband';
  }

  /** KerasTuner's `_get_num_brackets`: how often maxEpochs divides by the factor down to minEpochs. */
  bracketCount(): number {
    let epochs = this.maxEpochs;
    let brackets = 0;
    while (epochs >= this.minEpochs) {
      epochs /= this.factor;
      brackets++;
    }
    return brackets;
  }

  /** KerasTuner's `_get_size`: the models of round `roundNum` in bracket `bracketNum`. */
  size(bracketNum: number, roundNum: number): number {
    const bracket0EndSize = Math.ceil(1 + Math.log(this.maxEpochs) / Math.log(this.factor));
    const bracketEndSize = bracket0EndSize / (bracketNum + 1);
    return Math.ceil(bracketEndSize * this.factor ** (bracketNum - roundNum));
  }

  /** KerasTuner's `_get_epochs`: the epochs each model of that round trains to. */
  epochs(bracketNum: number, roundNum: number): number {
    return Math.ceil(this.maxEpochs / this.factor ** (bracketNum - roundNum));
  }

  protected populateSpace(trialId: string): Population {
    this.brackets = this.brackets.filter((bracket) => bracket.rounds.at(-1)!.length !== this.size(bracket.bracketNum, bracket.rounds.length - 1));
    for (const bracket of this.brackets) {
      const { bracketNum, rounds } = bracket;
      if (rounds[0].length < this.size(bracketNum, 0)) return this.randomTrial(trialId, bracket);
      for (let roundNum = 1; roundNum < rounds.length; roundNum++) {
        const round = rounds[roundNum];
        const size = this.size(bracketNum, roundNum);
        const pastSize = this.size(bracketNum, roundNum - 1);
        const selected = new Set(round.map((entry) => entry.pastId));
        const candidates = rounds[roundNum - 1]
          .filter((entry) => !selected.has(entry.id))
          .map((entry) => this.trials.get(entry.id)!)
          .filter((trial) => trial.status === 'COMPLETED');
        // More finished trials than will be thrown out: the best of them goes on.
        if (candidates.length > pastSize - size) {
          candidates.sort((a, b) => (this.objective.direction === 'max' ? b.score! - a.score! : a.score! - b.score!));
          const best = candidates[0];
          round.push({ pastId: best.trialId, id: trialId });
          return {
            status: 'RUNNING',
            values: {
              ...best.values,
              'tuner/trial_id': best.trialId,
              'tuner/epochs': this.epochs(bracketNum, roundNum),
              'tuner/initial_epoch': this.epochs(bracketNum, roundNum - 1),
              'tuner/bracket': this.currentBracket,
              'tuner/round': roundNum,
            },
          };
        }
      }
    }
    if (this.currentBracket === 0 && this.currentIteration + 1 >= this.hyperbandIterations) {
      if (this.ongoingTrials.length > 0) return { status: 'IDLE' };
      this.incrementBracket();
      return { status: 'STOPPED' };
    }
    this.incrementBracket();
    this.startNewBracket();
    return this.randomTrial(trialId, this.brackets.at(-1)!);
  }

  private randomTrial(trialId: string, bracket: Bracket): Population {
    const values = this.randomValues();
    if (values !== undefined) {
      bracket.rounds[0].push({ pastId: null, id: trialId });
      return { status: 'RUNNING', values: { ...values, 'tuner/epochs': this.epochs(bracket.bracketNum, 0), 'tuner/initial_epoch': 0, 'tuner/bracket': this.currentBracket, 'tuner/round': 0 } };
    }
    return { status: this.ongoingTrials.length > 0 ? 'IDLE' : 'STOPPED' };
  }

  private startNewBracket(): void {
    this.brackets.push({ bracketNum: this.currentBracket, rounds: Array.from({ length: this.currentBracket + 1 }, () => []) });
  }

  private incrementBracket(): void {
    this.currentBracket--;
    if (this.currentBracket < 0) {
      this.currentBracket = this.bracketCount() - 1;
      this.currentIteration++;
      if (this.currentIteration > this.hyperbandIterations) this.currentBracket = 0;
    }
  }

  override getState(): OracleState {
    const extra: HyperbandState = { brackets: structuredClone(this.brackets), currentBracket: this.currentBracket, currentIteration: this.currentIteration };
    return { ...super.getState(), extra };
  }

  override setState(state: OracleState): void {
    super.setState(state);
    const extra = state.extra as HyperbandState;
    this.brackets = structuredClone(extra.brackets);
    this.currentBracket = extra.currentBracket;
    this.currentIteration = extra.currentIteration;
  }
}
