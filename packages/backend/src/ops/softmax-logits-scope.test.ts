import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { keepsSoftmaxLogits, withSoftmaxLogits } from '@dendrite/backend/internal';

// The engine probe, answered by the test where it says so: the explicit scope must not depend on it.
const probe = vi.hoisted(() => ({ answer: undefined as boolean | undefined }));
vi.mock('./inside-tidy', async (importOriginal) => {
  const original = await importOriginal<typeof import('./inside-tidy')>();
  return { insideTidy: () => probe.answer ?? original.insideTidy() };
});

beforeEach(() => {
  probe.answer = undefined;
});

describe('keepsSoftmaxLogits', () => {
  it('is false at the top level and true inside a tidy (the engine probe)', () => {
    expect(keepsSoftmaxLogits()).toBe(false);
    expect(tf.tidy(() => keepsSoftmaxLogits())).toBe(true);
  });

  it('is true inside withSoftmaxLogits even when the engine probe says no, and false again after it', () => {
    probe.answer = false;
    expect(tf.tidy(() => keepsSoftmaxLogits())).toBe(false);
    expect(withSoftmaxLogits(() => [keepsSoftmaxLogits(), withSoftmaxLogits(() => keepsSoftmaxLogits())])).toEqual([true, true]);
    expect(keepsSoftmaxLogits()).toBe(false);
    expect(() =>
      withSoftmaxLogits(() => {
        throw new Error('step failed');
      }),
    ).toThrow('step failed');
    expect(keepsSoftmaxLogits()).toBe(false);
  });
});

describe('withSoftmaxLogits', () => {
  it('is a tf.tidy: returns what fn returns and frees the rest', () => {
    const before = tf.memory().numTensors;
    const kept = withSoftmaxLogits(() => {
      tf.tensor1d([1, 2]);
      return tf.scalar(3);
    });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(kept.dataSync()[0]).toBe(3);
    kept.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
