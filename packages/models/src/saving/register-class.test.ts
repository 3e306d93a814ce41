import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Layer, type TensorOrList, dense, resetUniqueNames } from '@dendrite/layers';
import { Loss, type LossArgs } from '@dendrite/losses';
import { expectArraysClose, seededArray, useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';
import { registerClass } from './register-class';
import { scaleLayerClass } from '@dendrite/layers/testing';

/** A user layer: multiplies the last axis by a learned vector. */
const LearnedScale = scaleLayerClass('LearnedScale');

/** A user loss: mean cubed absolute error. */
class MeanCubicError extends Loss {
  static override className = 'MeanCubicError';
  constructor(args: LossArgs = {}) {
    super(args, 'mean_cubic_error');
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.mean(tf.pow(tf.abs(tf.sub(yTrue, yPred)), 3), -1);
  }
}

let dir = '';
beforeAll(() => {
  useBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'dendrite-register-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => resetUniqueNames());

it('loads a model with a user layer and loss once they are registered, and names the unknown class before', async () => {
  const model = sequential({ layers: [dense({ units: 3, inputShape: [2] }), new LearnedScale()] });
  model.compile({ optimizer: 'sgd', loss: new MeanCubicError() });
  const scale = model.layers[1].weights[0];
  const values = tf.tensor1d([2, -1, 0.5]);
  scale.write(values);
  const path = join(dir, 'custom.keras');
  await model.save(path);
  await expect(loadModel(path)).rejects.toThrow(/Expected a model config Dendrite can build in ".*custom\.keras", received one that fails: Unknown layer "LearnedScale"/);
  registerClass(LearnedScale);
  await expect(loadModel(path)).rejects.toThrow(/Unknown loss "MeanCubicError"/);
  registerClass(MeanCubicError);
  const loaded = await loadModel(path);
  expect(loaded.compiled?.lossFunctions[0]).toBeInstanceOf(MeanCubicError);
  const x = tf.tensor2d(seededArray(8, 1), [4, 2]);
  const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
  expectArraysClose(b, a, 1e-6);
  tf.dispose([values, x, a, b]);
  model.dispose();
  loaded.dispose();
});

it('refuses what it cannot register, saying what it expected', () => {
  class Plain {
    static className = 'Plain';
    static fromConfig() {
      return new Plain();
    }
  }
  expect(() => registerClass(Plain)).toThrow('Expected a subclass of Layer, Initializer, Regularizer, Constraint, Loss, Metric, Optimizer or LearningRateSchedule for registerClass, received class Plain');
  class Unnamed extends Layer {
    override call(inputs: TensorOrList): tf.Tensor {
      return inputs as tf.Tensor;
    }
  }
  expect(() => registerClass(Unnamed as never)).toThrow('Expected class Unnamed to set its own static className for registerClass, received the inherited "Layer"');
  expect(() => registerClass({} as never)).toThrow('Expected a class with a static className and fromConfig for registerClass, received [object Object]');
});
