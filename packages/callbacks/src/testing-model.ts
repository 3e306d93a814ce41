import { tf } from '@dendrite/backend';
import type { TrainingModel } from './training-model';

/**
 * A stand-in for a model, for callback tests: two weights, a learning rate, and saves recorded
 * instead of written.
 *
 * @internal
 */
export class FakeModel implements TrainingModel {
  readonly name = 'fake';
  stopTraining = false;
  learningRate = 0.1;
  weights: tf.Tensor[] = [tf.tensor1d([1, 2]), tf.scalar(3)];
  readonly saves: Array<{ kind: string; path: string }> = [];
  getWeights(): tf.Tensor[] {
    return this.weights.map((w) => tf.clone(w));
  }
  setWeights(weights: tf.Tensor[]): void {
    tf.dispose(this.weights);
    this.weights = weights.map((w) => tf.clone(w));
  }
  namedWeights() {
    return this.weights.map((value, i) => ({ name: `dense/w${i}`, value }));
  }
  getLearningRate(): number {
    return this.learningRate;
  }
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
  async save(path: string): Promise<void> {
    this.saves.push({ kind: 'model', path });
  }
  async saveWeights(path: string): Promise<void> {
    this.saves.push({ kind: 'weights', path });
  }
  async loadWeights(path: string): Promise<void> {
    this.saves.push({ kind: 'load', path });
  }
  async saveTrainingState(path: string): Promise<void> {
    this.saves.push({ kind: 'state', path });
  }
  async loadTrainingState(path: string): Promise<void> {
    this.saves.push({ kind: 'restore', path });
  }
  dispose(): void {
    tf.dispose(this.weights);
  }
}
