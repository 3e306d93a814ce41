import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Huber, MeanAbsoluteError, metrics } from '@dendrite/losses';
import { sgd } from '@dendrite/optimizers';
import { expectArraysClose } from '@dendrite/test-utils';
import { type CompileArgs, type CompileTarget, CompiledModel } from './compile';

const made: CompiledModel[] = [];
afterEach(() => {
  for (const compiled of made.splice(0)) compiled.dispose();
});

/** A model of known outputs `outputs`, named "m". */
const target = (outputs: string[], known = true): CompileTarget => ({ name: 'm', outputNames: outputs, hasKnownOutputs: known });

function compile(model: CompileTarget, args: CompileArgs): CompiledModel {
  const compiled = new CompiledModel(model, args);
  made.push(compiled);
  return compiled;
}

/** The total and per-output losses of `compiled` on these values, read back. */
function losses(compiled: CompiledModel, y: number[][][], predictions: number[][][], penalties: number[][] = []) {
  return tf.tidy(() => {
    const { total, perOutput } = compiled.computeLoss(
      y.map((values) => tf.tensor2d(values)),
      predictions.map((values) => tf.tensor2d(values)),
      undefined,
      penalties.map((values) => tf.tensor1d(values)),
    );
    return { total: total.dataSync()[0], perOutput: perOutput.map((loss) => loss.dataSync()[0]) };
  });
}

describe('CompiledModel', () => {
  it('adds the weighted per-output losses and the summed penalties, as Keras: Σ wᵢ·lossᵢ + Σ penalties', () => {
    const compiled = compile(target(['a', 'b']), { optimizer: sgd(), loss: 'mse', lossWeights: [1, 0.5] });
    // mse 1 and 4; 1·1 + 0.5·4 = 3; penalties Σ[0.25, 0.25] + Σ[1] = 1.5.
    const values = losses(compiled, [[[1]], [[2]]], [[[0]], [[0]]], [[0.25, 0.25], [1]]);
    expectArraysClose([values.total, ...values.perOutput], [4.5, 1, 4]);
    expectArraysClose([losses(compiled, [[[1]], [[2]]], [[[0]], [[0]]]).total], [3]);
  });

  it('weighs a single output too, with or without a penalty', () => {
    const weighted = compile(target(['out']), { optimizer: sgd(), loss: 'mse', lossWeights: [2] });
    expectArraysClose([losses(weighted, [[[3]]], [[[0]]]).total], [18]);
    expectArraysClose([losses(weighted, [[[3]]], [[[0]]], [[0.5, 1.5]]).total], [20]);
    const plain = compile(target(['out']), { optimizer: sgd(), loss: 'mae' });
    expectArraysClose([losses(plain, [[[3]]], [[[0]]], [[1]]).total], [4]);
  });

  it('takes losses and weights by output name, in output order', () => {
    const compiled = compile(target(['a', 'b']), { optimizer: sgd(), loss: { b: 'mae', a: 'mse' }, lossWeights: { b: 10, a: 1 } });
    expect(compiled.lossWeights).toEqual([1, 10]);
    // a: mse 4; b: mae 2 → 4 + 10·2.
    expectArraysClose([losses(compiled, [[[2]], [[2]]], [[[0]], [[0]]]).total], [24]);
  });

  it('takes one loss for every output as a name, a function, a Loss or a config', () => {
    // Errors 3 and 1 on outputs a and b: mse 9 and 1; Huber(δ = 2) ½δ² + δ(3 − δ) = 4 and ½·1² = 0.5; mae 3 and 1.
    const forms: Array<[unknown, number[]]> = [
      ['mse', [9, 1]],
      [(yTrue: tf.Tensor, yPred: tf.Tensor) => tf.mean(tf.square(tf.sub(yTrue, yPred)), -1), [9, 1]],
      [new Huber({ delta: 2 }), [4, 0.5]],
      [{ class_name: 'MeanAbsoluteError', config: {} }, [3, 1]],
    ];
    for (const [loss, expected] of forms) {
      const compiled = compile(target(['a', 'b']), { optimizer: sgd(), loss: loss as never });
      expect(compiled.lossFunctions).toHaveLength(2);
      const values = losses(compiled, [[[3]], [[1]]], [[[0]], [[0]]]);
      expectArraysClose([values.total, ...values.perOutput], [expected[0] + expected[1], ...expected]);
    }
    expect(compile(target(['a', 'b']), { optimizer: sgd(), loss: 'mse' }).lossWeights).toEqual([1, 1]);
  });

  it('refuses a missing optimizer or loss, and losses or weights that do not match the outputs, naming them', () => {
    expect(() => compile(target(['a']), { loss: 'mse' } as never)).toThrow(new Error('Expected compile({optimizer, loss}) for model "m", received no optimizer'));
    expect(() => compile(target(['a']), { optimizer: sgd() } as never)).toThrow(new Error('Expected compile({optimizer, loss}) for model "m", received no loss'));
    expect(() => compile(target(['a', 'b']), { optimizer: sgd(), loss: ['mse'] })).toThrow(new Error('Expected 2 losses (one per output: a, b), received 1'));
    expect(() => compile(target(['a', 'b']), { optimizer: sgd(), loss: { a: 'mse', c: 'mse' } })).toThrow(new Error('Expected losses keyed by output names (a, b), received unknown keys [c]'));
    expect(() => compile(target(['a', 'b']), { optimizer: sgd(), loss: 'mse', lossWeights: [1, 2, 3] })).toThrow(new Error('Expected 2 lossWeights (one per output: a, b), received 3'));
    const compiled = compile(target(['a', 'b']), { optimizer: sgd(), loss: 'mse' });
    expect(() => losses(compiled, [[[1]]], [[[0]], [[0]]])).toThrow(new Error('Expected 2 targets for model "m" (outputs a, b), received 1'));
  });

  it("waits for a subclassed model's outputs before matching the losses to them", () => {
    const model = { name: 'm', outputNames: [] as string[], hasKnownOutputs: false };
    const compiled = compile(model, { optimizer: sgd(), loss: ['mse', 'mae'] });
    model.outputNames = ['a', 'b'];
    model.hasKnownOutputs = true;
    expect(compiled.lossFunctions.map((loss) => loss.name)).toEqual(['mean_squared_error', 'mean_absolute_error']);
  });

  it('serializes the compile arguments: loss names, loss objects by class, metric names, weights', () => {
    function customMetric(yTrue: tf.Tensor, yPred: tf.Tensor) {
      return tf.sub(yTrue, yPred);
    }
    const compiled = compile(target(['a', 'b']), {
      optimizer: sgd({ learningRate: 0.5 }),
      loss: ['mse', new Huber({ delta: 2 })],
      metrics: [['mae', customMetric], [new metrics.MeanSquaredError({ name: 'my_mse' })]],
      lossWeights: [1, 0.5],
    });
    const config = compiled.compileConfig;
    expect(config.loss).toEqual(['mean_squared_error', expect.objectContaining({ class_name: 'Huber' })]);
    expect(config.metrics).toEqual([['mae', 'customMetric'], ['my_mse']]);
    expect(config.loss_weights).toEqual([1, 0.5]);
    expect(config).not.toHaveProperty('weighted_metrics');
    expect(config.optimizer).toEqual(expect.objectContaining({ class_name: expect.stringMatching(/sgd/i) }));
    // A Loss built on a loss function (MeanAbsoluteError) saves by its name, as a string loss does.
    const plain = compile(target(['out']), { optimizer: sgd(), loss: new MeanAbsoluteError(), weightedMetrics: ['mae'] }).compileConfig;
    expect(plain).toMatchObject({ loss: ['mean_absolute_error'], metrics: [], weighted_metrics: ['mae'], loss_weights: [1] });
  });

  it("reads and sets the optimizer's learning rate", () => {
    const compiled = compile(target(['out']), { optimizer: sgd({ learningRate: 0.25 }), loss: 'mse' });
    expect(compiled.getLearningRate()).toBeCloseTo(0.25, 7);
    compiled.setLearningRate(0.125);
    expect(compiled.getLearningRate()).toBeCloseTo(0.125, 7);
  });
});
