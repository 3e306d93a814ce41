import { expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/backend/testing';
import { markSoftmaxOutput } from '@dendrite/backend/internal';
import { expectArraysClose } from '@dendrite/test-utils';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { fromLogitsOfSoftmaxOutput } from './softmax-logits-from-logits';

const LOGITS = [
  [2, 0, -1],
  [0.5, 3, -2],
];
const LABELS = [2, 1];
// By hand, in float64: logSumExp(z) − z[label] per row.
const BY_HAND = LOGITS.map((z, row) => Math.log(z.reduce((sum, value) => sum + Math.exp(value), 0)) - z[LABELS[row]]);

/** Both crossentropies with fromLogits on a softmax output whose logits are alive (inside one tidy). */
function onSoftmaxOutput(): tf.Tensor[] {
  return tf.tidy(() => {
    const z = tf.tensor2d(LOGITS);
    const probabilities = markSoftmaxOutput(tf.softmax(z), z);
    return [
      categoricalCrossentropy(tf.oneHot(LABELS, 3).toFloat(), probabilities, { fromLogits: true }),
      sparseCategoricalCrossentropy(tf.tensor1d(LABELS, 'int32'), probabilities, { fromLogits: true }),
    ];
  });
}

const WARNING = 'received `fromLogits: true`, but `yPred` was produced by a Softmax activation and thus does not represent logits. Was this intended?';

it('warns once per loss name, as Keras does, when fromLogits is given a softmax output', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // tfjs's own notice (no tfjs-node) may come on the first kernel: only ours are counted.
  const ours = () => warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('fromLogits'));
  // A name no other test uses: the set of losses that have warned lives as long as the module,
  // which mutation runs share between test files (one fork, modules kept).
  const name = 'softmax_logits_test_loss';
  try {
    const found = tf.tidy(() => {
      const z = tf.tensor2d(LOGITS);
      const probabilities = markSoftmaxOutput(tf.softmax(z), z);
      const first = fromLogitsOfSoftmaxOutput(probabilities, name);
      const second = fromLogitsOfSoftmaxOutput(probabilities, name);
      return [first === z, second === z, fromLogitsOfSoftmaxOutput(z, name) === undefined];
    });
    expect(found).toEqual([true, true, true]);
    expect(ours()).toEqual([`\`${name}\` ${WARNING} Its logits are used, as Keras does.`]);
    // Through the crossentropies: each warns under its Keras name, at most once (once in a fresh
    // process; a test file run before this one in the same process may have had their warning).
    tf.dispose([...onSoftmaxOutput(), ...onSoftmaxOutput()]);
    const byLoss = ours().slice(1);
    expect(new Set(byLoss).size).toBe(byLoss.length);
    for (const message of byLoss) {
      expect([`\`categorical_crossentropy\` ${WARNING} Its logits are used, as Keras does.`, `\`sparse_categorical_crossentropy\` ${WARNING} Its logits are used, as Keras does.`]).toContain(message);
    }
    // Logits that are no softmax output warn nothing.
    const count = ours().length;
    tf.dispose(tf.tidy(() => categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 2]]), { fromLogits: true })));
    expect(ours()).toHaveLength(count);
  } finally {
    warn.mockRestore();
  }
});

describeEachBackend('fromLogits on a softmax output', () => {
  it('uses its logits (one softmax, not two), both crossentropies, and leaves no tensor behind', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = tf.memory().numTensors;
    const [categorical, sparse] = onSoftmaxOutput();
    expectArraysClose(categorical, BY_HAND, 1e-5);
    expectArraysClose(sparse, BY_HAND, 1e-5);
    tf.dispose([categorical, sparse]);
    expect(tf.memory().numTensors).toBe(before);
    warn.mockRestore();
  });
});
