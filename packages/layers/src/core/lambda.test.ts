import { afterEach, expect, it } from 'vitest';
import { tf, withCustomObjects } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { InputLayer } from '../engine/input-layer';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import type { TensorOrList } from '../engine/layer';
import { Lambda, lambda } from './lambda';

afterEach(() => resetUniqueNames());

function scaleBy(inputs: TensorOrList, args: Record<string, unknown>): tf.Tensor {
  return tf.mul(inputs as tf.Tensor, args.factor as number);
}

function firstHalf(inputs: TensorOrList): tf.Tensor {
  const x = inputs as tf.Tensor;
  return tf.slice(x, [0, 0], [-1, x.shape[1]! / 2]);
}

describeEachBackend('Lambda', () => {
  it('runs its function with its arguments, without leaking', async () => {
    const layer = lambda({ function: scaleBy, arguments: { factor: 3 } });
    const x = tf.tensor2d([[1, 2]]);
    expectArraysClose(layer.apply(x), [3, 6]);
    await expectNoLeakedTensors(() => layer.apply(x).dispose());
  });

  it('finds its output shape by a trial run, or takes the one declared', async () => {
    const input = new InputLayer({ batchShape: [null, 6] }).output;
    const halved = lambda({ function: firstHalf }).apply(input) as SymbolicTensor;
    expect(halved.shape).toEqual([null, 3]);
    const declared = lambda({ function: firstHalf, outputShape: [3] }).apply(input) as SymbolicTensor;
    expect(declared.shape).toEqual([null, 3]);
    await expectNoLeakedTensors(() => lambda({ function: firstHalf }).computeOutputShape([null, 4]));
  });

  it('saves the function by name and loads it only from customObjects', () => {
    const layer = lambda({ function: scaleBy, arguments: { factor: 2 } });
    const saved = JSON.parse(JSON.stringify(serializeLayer(layer)));
    expect(saved.config.function).toEqual({ module: null, class_name: 'function', config: 'scaleBy', registered_name: 'scaleBy' });
    expect(() => deserializeLayer(saved)).toThrow(/function "scaleBy" of a Lambda layer in customObjects/);
    const rebuilt = withCustomObjects({ scaleBy }, () => deserializeLayer(saved)) as Lambda;
    expectArraysClose(rebuilt.apply(tf.tensor1d([1, 5])), [2, 10]);
  });

  it('never runs code from a file, and refuses to save an anonymous function', () => {
    const keras = { class_name: 'Lambda', config: { name: 'l', function: { class_name: '__lambda__', config: { code: '4wEAAAAAAAAAAAAAAAEAAAACAAAAQwAAAHMIAAAAfABkARQAUwApAk7pAgAAAKkAKQHaAXhyAgAAAHICAAAA+gE8bGFtYmRhPgEAAADzAAAAAA==' } } } };
    expect(() => withCustomObjects({ scaleBy }, () => deserializeLayer(keras))).toThrow(/never runs code read from a file/);
    const anonymous = [(x: TensorOrList) => x][0];
    expect(() => lambda({ function: anonymous }).getConfig()).toThrow(/named function/);
    expect(() => lambda({ function: 'x => x' as never })).toThrow(TypeError);
  });
});
