import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tf } from '@dendrite/backend';
import type { TrainingModel } from '../training-model';

/** One call to a saving method of {@link FakeModel}. */
export interface SaveCall {
  method: 'save' | 'saveWeights' | 'loadWeights' | 'saveTrainingState' | 'loadTrainingState';
  path: string;
}

/**
 * A stand-in model for callback tests: two tf.Variables (`dense/kernel` [1, 2] and
 * `dense/bias` 3 by default) and a learning-rate number; saves are recorded, not written.
 *
 * @internal
 */
export class FakeModel implements TrainingModel {
  readonly name = 'fake';
  stopTraining = false;
  learningRate: number;
  readonly variables: tf.Variable[];
  readonly calls: SaveCall[] = [];

  constructor(options: { kernel?: number[]; bias?: number; learningRate?: number } = {}) {
    this.variables = [tf.variable(tf.tensor1d(options.kernel ?? [1, 2])), tf.variable(tf.scalar(options.bias ?? 3))];
    this.learningRate = options.learningRate ?? 0.1;
  }

  getWeights(): tf.Tensor[] {
    return this.variables.map((variable) => tf.clone(variable));
  }

  setWeights(weights: tf.Tensor[]): void {
    if (weights.length !== this.variables.length) throw new Error(`Expected ${this.variables.length} weights, received ${weights.length}`);
    weights.forEach((weight, i) => this.variables[i].assign(weight));
  }

  namedWeights(): Array<{ name: string; value: tf.Tensor }> {
    return [
      { name: 'dense/kernel', value: this.variables[0] },
      { name: 'dense/bias', value: this.variables[1] },
    ];
  }

  /** Every weight as plain numbers. */
  values(): number[][] {
    return this.variables.map((variable) => Array.from(variable.dataSync()));
  }

  /** Sets every value of every weight to `value` (a training step, for tests). */
  fill(value: number): void {
    tf.tidy(() => this.variables.forEach((variable) => variable.assign(tf.fill(variable.shape, value))));
  }

  getLearningRate(): number {
    return this.learningRate;
  }

  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }

  async save(path: string): Promise<void> {
    this.calls.push({ method: 'save', path });
  }

  async saveWeights(path: string): Promise<void> {
    this.calls.push({ method: 'saveWeights', path });
  }

  async loadWeights(path: string): Promise<void> {
    this.calls.push({ method: 'loadWeights', path });
  }

  async saveTrainingState(path: string): Promise<void> {
    this.calls.push({ method: 'saveTrainingState', path });
  }

  async loadTrainingState(path: string): Promise<void> {
    this.calls.push({ method: 'loadTrainingState', path });
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

/** A {@link FakeModel} whose saves write JSON files (weights and learning rate), atomically. */
export class WritingFakeModel extends FakeModel {
  private write(path: string, withRate: boolean): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ weights: this.values(), learningRate: withRate ? this.learningRate : undefined }));
    renameSync(temporary, path);
  }

  private read(path: string): void {
    const { weights, learningRate } = JSON.parse(readFileSync(path, 'utf8')) as { weights: number[][]; learningRate?: number };
    tf.tidy(() => weights.forEach((values, i) => this.variables[i].assign(tf.tensor(values, this.variables[i].shape))));
    if (learningRate !== undefined) this.learningRate = learningRate;
  }

  override async save(path: string): Promise<void> {
    await super.save(path);
    this.write(path, true);
  }

  override async saveWeights(path: string): Promise<void> {
    await super.saveWeights(path);
    this.write(path, false);
  }

  override async loadWeights(path: string): Promise<void> {
    await super.loadWeights(path);
    this.read(path);
  }

  override async saveTrainingState(path: string): Promise<void> {
    await super.saveTrainingState(path);
    this.write(path, true);
  }

  override async loadTrainingState(path: string): Promise<void> {
    await super.loadTrainingState(path);
    this.read(path);
  }
}
