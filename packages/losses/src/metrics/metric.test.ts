import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Metric } from './metric';

/** A custom metric as a user writes one: state, update, result. */
class SampleCount extends Metric {
  static override className = 'SampleCount';
  private readonly count: tf.Variable;
  constructor(args: { name?: string } = {}) {
    super(args.name ?? 'sample_count');
    this.count = this.addState();
  }
  updateState(yTrue: tf.Tensor): void {
    tf.tidy(() => this.count.assign(tf.add(this.count, yTrue.shape[0])));
  }
  result(): tf.Tensor {
    return this.count.clone();
  }
}

describeEachBackend('Metric', () => {
  it('keeps its state in non-trainable variables that reset and dispose', async () => {
    const before = tf.memory().numTensors;
    const metric = new SampleCount();
    expect(metric.variables.map((variable) => variable.trainable)).toEqual([false]);
    const batch = tf.zeros([4, 2]);
    await expectNoLeakedTensors(() => metric.updateState(batch));
    metric.updateState(batch);
    expect(await expectNoLeakedTensors(() => metric.resultValue())).toBe(8);
    await expectNoLeakedTensors(() => metric.resetState());
    expect(metric.resultValue()).toBe(0);
    batch.dispose();
    metric.dispose();
    expect(metric.variables).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('round-trips its config and names unknown keys', () => {
    const metric = SampleCount.fromConfig({ name: 'n', dtype: 'float32' });
    expect([metric.name, metric.className, metric.getConfig()]).toEqual(['n', 'SampleCount', { name: 'n' }]);
    metric.dispose();
    const before = tf.memory().numTensors;
    expect(() => SampleCount.fromConfig({ threshold: 0.5 })).toThrow('Expected config keys of metric SampleCount among [name], received unknown [threshold]');
    expect(tf.memory().numTensors).toBe(before);
  });
});
