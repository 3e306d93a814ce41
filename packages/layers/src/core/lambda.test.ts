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
    expect(() => lambda({ function: 'x => x' as never, name: 'l_text' })).toThrow(new TypeError('Expected function to be a function in layer "l_text", received "x => x"'));
    for (const name of ['', 'anonymous']) {
      const unnamed = Object.defineProperty((x: TensorOrList) => x, 'name', { value: name });
      expect(() => lambda({ function: unnamed }).getConfig()).toThrow(/Expected a named function to save/);
    }
  });

  it('finds the function from each way a file names it, and only a function (not a layer class)', () => {
    const layer = (saved: unknown, extra: Record<string, unknown> = {}) => ({ class_name: 'Lambda', config: { name: 'l', function: saved, arguments: { factor: 2 }, ...extra } });
    const x = tf.tensor1d([1, 5]);
    for (const saved of ['scaleBy', { class_name: 'function', config: 'scaleBy' }, { class_name: 'function', config: 'other', registered_name: 'scaleBy' }]) {
      const rebuilt = withCustomObjects({ scaleBy }, () => deserializeLayer(layer(saved))) as Lambda;
      const y = rebuilt.apply(x) as tf.Tensor;
      expectArraysClose(y, [2, 10]);
      y.dispose();
    }
    // A config without its function (undefined) is named as such, not a TypeError from reading it.
    for (const saved of [null, undefined, 42, { class_name: 'function', config: 7 }]) {
      expect(() => withCustomObjects({ scaleBy }, () => deserializeLayer(layer(saved)))).toThrow(/Expected a Lambda layer's function by name/);
    }
    // Neither a class nor any other value of the same name is the function.
    expect(() => withCustomObjects({ scaleBy: 42 }, () => deserializeLayer(layer('scaleBy')))).toThrow(/function "scaleBy" of a Lambda layer in customObjects/);
    class ScaleBy { static className = 'scaleBy'; }
    expect(() => withCustomObjects({ scaleBy: ScaleBy }, () => deserializeLayer(layer('scaleBy')))).toThrow(/function "scaleBy" of a Lambda layer in customObjects/);
    // The output shape, under Keras's key or the camelCase one.
    for (const key of ['output_shape', 'outputShape']) {
      const rebuilt = withCustomObjects({ firstHalf }, () => deserializeLayer(layer('firstHalf', { [key]: [3] }))) as Lambda;
      expect(rebuilt.outputShape).toEqual([3]);
      expect(rebuilt.getConfig().output_shape).toEqual([3]);
    }
    x.dispose();
  });

  it('computes output shapes from a shape function, for several inputs and for several outputs', async () => {
    const byFunction = lambda({ function: firstHalf, outputShape: (shape) => [(shape as (number | null)[])[0], 7] });
    expect(byFunction.computeOutputShape([5, 4])).toEqual([5, 7]);
    expect(() => byFunction.getConfig()).toThrow(/Expected outputShape to be a shape to save .*received a function/);
    function sumAndCopy(inputs: TensorOrList): TensorOrList {
      const [a, b] = inputs as tf.Tensor[];
      return [tf.add(a, b), tf.concat([a, b], 1)];
    }
    const pair = lambda({ function: sumAndCopy });
    await expectNoLeakedTensors(() => expect(pair.computeOutputShape([[null, 2], [null, 2]])).toEqual([[null, 2], [null, 4]]));
    expect(lambda({ function: firstHalf, outputShape: [1] }).computeOutputShape([[8, 2], [8, 2]])).toEqual([8, 1]);
    expect(lambda({ function: firstHalf }).getConfig()).toMatchObject({ output_shape: null, arguments: {} });
  });
});
