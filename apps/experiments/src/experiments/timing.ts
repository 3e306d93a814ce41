import { Callback } from '@dendrite/callbacks';

/** Seconds per epoch, measured by a callback. */
export class EpochTimer extends Callback {
  private start = 0;
  readonly seconds: number[] = [];
  override onEpochBegin(): void {
    this.start = performance.now();
  }
  override onEpochEnd(): void {
    this.seconds.push((performance.now() - this.start) / 1000);
  }
  /** The mean seconds per epoch. */
  get mean(): number {
    return this.seconds.reduce((a, b) => a + b, 0) / Math.max(this.seconds.length, 1);
  }
}
