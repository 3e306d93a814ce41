import { afterEach, describe, expect, it } from 'vitest';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { bidirectional } from './bidirectional';
import { gru } from './gru';
import { gruCell } from './gru-cell';
import { lstm } from './lstm';
import { lstmCell } from './lstm-cell';
import { rnn } from './rnn';
import { simpleRNN } from './simple-rnn';
import { simpleRNNCell } from './simple-rnn-cell';

afterEach(() => resetUniqueNames());

// Keras's positional forms (`LSTM(4)`, `RNN(cell)`, `Bidirectional(layer)`) and the owner that
// their errors name, for each recurrent factory.
describe('recurrent factories', () => {
  it.each([
    ['SimpleRNNCell', simpleRNNCell],
    ['LSTMCell', lstmCell],
    ['GRUCell', gruCell],
    ['SimpleRNN', simpleRNN],
    ['LSTM', lstm],
    ['GRU', gru],
  ] as const)('%s takes units first, then options, and names itself in errors', (className, factory) => {
    const make = factory as (...values: unknown[]) => { units: number; className: string; dropout?: number };
    const layer = make(3, { dropout: 0.25 });
    expect(layer.units).toBe(3);
    expect(layer.className).toBe(className);
    expect(() => make(3, {}, 1)).toThrow(new TypeError(`Expected nothing after the options of layer ${className} (arguments: units, options), received 1`));
    expect(() => make(3, { units: 4 })).toThrow(new TypeError(`Expected units once for layer ${className}, received 3 as an argument and 4 as an option`));
  });

  it('rnn takes its cell first; bidirectional its layer', () => {
    const cell = lstmCell(2);
    const layer = rnn(cell, { returnSequences: true });
    expect(layer.cell).toBe(cell);
    expect(layer.returnSequences).toBe(true);
    expect(() => (rnn as (...values: unknown[]) => unknown)(cell, {}, 1)).toThrow(new TypeError('Expected nothing after the options of layer RNN (arguments: cell, options), received 1'));
    const wrapper = bidirectional(gru(2), { mergeMode: 'sum' });
    expect(wrapper.mergeMode).toBe('sum');
    expect(wrapper.forwardLayer.className).toBe('GRU');
    expect(() => (bidirectional as (...values: unknown[]) => unknown)(gru(2), {}, 1)).toThrow(new TypeError('Expected nothing after the options of layer Bidirectional (arguments: layer, options), received 1'));
  });

  it.each([
    ['SimpleRNN', simpleRNN, 'SimpleRNNCell'],
    ['LSTM', lstm, 'LSTMCell'],
    ['GRU', gru, 'GRUCell'],
  ] as const)('%s makes its cell from the cell’s options only, named after it, and writes one flat config', (className, factory, cellClass) => {
    const make = factory as (args: object) => { cell: { name: string; className: string; getConfig(): Record<string, unknown> }; getConfig(): Record<string, unknown> };
    const layer = make({ units: 2, name: 'enc', returnSequences: true, goBackwards: true, activityRegularizer: 'l1', dropout: 0.25 });
    expect(layer.cell.name).toBe('enc_cell');
    expect(layer.cell.className).toBe(cellClass);
    expect(layer.cell.getConfig()).toMatchObject({ units: 2, dropout: 0.25 });
    expect(layer.cell.getConfig()).not.toHaveProperty('return_sequences');
    const config = layer.getConfig();
    expect(config).toMatchObject({ name: 'enc', units: 2, dropout: 0.25, return_sequences: true, go_backwards: true, activity_regularizer: { class_name: 'L1' } });
    expect(config).not.toHaveProperty('cell');
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer as never))));
    expect(rebuilt.className).toBe(className);
    expect(rebuilt.getConfig()).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it('reads Keras 2’s UnifiedLSTM and UnifiedGRU', () => {
    expect(deserializeLayer({ class_name: 'UnifiedLSTM', config: { units: 2 } }).className).toBe('LSTM');
    expect(deserializeLayer({ class_name: 'UnifiedGRU', config: { units: 2 } }).className).toBe('GRU');
  });
});
