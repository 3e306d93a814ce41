import { afterEach, describe, expect, it } from 'vitest';
import { concatenate, dense, input, resetUniqueNames } from '@dendrite/layers';
import { sequential } from './sequential';
import { model } from './functional';
import { pythonShape } from './summary';
import { Model } from './model';

afterEach(() => resetUniqueNames());

describe('summary', () => {
  it("prints seed 000's MNIST MLP with its parameter counts", () => {
    const mlp = sequential({
      layers: [
        dense({ units: 128, activation: 'relu', inputShape: [784], name: 'dense_layer' }),
        dense({ units: 128, activation: 'relu', name: 'dense_layer_2' }),
        dense({ units: 10, activation: 'softmax', name: 'dense_layer_3' }),
      ],
    });
    const text = mlp.summary({ printFn: null });
    expect(text).toBe(
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #   ',
        '=================================================================',
        'dense_layer (Dense)          (None, 128)               100480    ',
        '_________________________________________________________________',
        'dense_layer_2 (Dense)        (None, 128)               16512     ',
        '_________________________________________________________________',
        'dense_layer_3 (Dense)        (None, 10)                1290      ',
        '=================================================================',
        'Total params: 118,282',
        'Trainable params: 118,282',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
    mlp.dispose();
  });

  it("counts seed 003's Fashion-MNIST MLP: 235,500 / 30,100 / 1,010", () => {
    const mlp = sequential({
      layers: [dense({ units: 300, activation: 'relu', inputShape: [784] }), dense({ units: 100, activation: 'relu' }), dense({ units: 10, activation: 'softmax' })],
    });
    expect(mlp.layers.map((layer) => layer.countParams())).toEqual([235500, 30100, 1010]);
    expect(mlp.summary({ printFn: null })).toContain('Total params: 266,610');
    mlp.dispose();
  });

  it("shows Connected to for seed 003's wide-and-deep functional model: 270 / 930 / 0 / 39", () => {
    const inputA = input({ shape: [8], name: 'input_wide' });
    const hidden1 = dense({ units: 30, activation: 'relu', name: 'hidden1' }).apply(inputA);
    const hidden2 = dense({ units: 30, activation: 'relu', name: 'hidden2' }).apply(hidden1);
    const merged = concatenate({ name: 'concat' }).apply([inputA, hidden2]) as never;
    const output = dense({ units: 1, name: 'output' }).apply(merged);
    const wideDeep = model({ inputs: inputA, outputs: output });
    expect(wideDeep.layers.map((layer) => layer.countParams())).toEqual([0, 270, 930, 0, 39]);
    const text = wideDeep.summary({ printFn: null });
    expect(text).toContain('Connected to');
    expect(text).toMatch(/concat \(Concatenate\)\s+\(None, 38\)\s+0\s+input_wide\[0\]\[0\]/);
    expect(text).toMatch(/\n\s+hidden2\[0\]\[0\]/);
    expect(text).toContain('Total params: 1,239');
    wideDeep.dispose();
  });

  it('refuses to summarize an unbuilt model, saying why', () => {
    const unbuilt = sequential({ layers: [dense({ units: 3 })] });
    expect(() => unbuilt.summary({ printFn: null })).toThrow(/Expected model "sequential" to be built before summary\(\)/);
  });

  it('prints shapes as Python tuples', () => {
    expect(pythonShape([null, 28, 28, 1])).toBe('(None, 28, 28, 1)');
    expect(pythonShape([null])).toBe('(None,)');
    expect(pythonShape([[null, 2], [null, 3]])).toBe('[(None, 2), (None, 3)]');
    expect(new Model().outputNames).toEqual(['output']);
  });
});
