import { describe, expect, it } from 'vitest';
import { conv2dTranspose, gru, lstm, simpleRNN, simpleRNNCell, spatialDropout1d, spatialDropout2d } from '../index';

describe('options a layer sets itself are refused, not overwritten', () => {
  it('SpatialDropout refuses noiseShape', () => {
    expect(() => spatialDropout1d({ rate: 0.2, noiseShape: [1, 1, 4] } as never)).toThrow('Unknown option "noiseShape" in layer SpatialDropout1D');
    expect(() => spatialDropout2d({ rate: 0.2, noiseShape: [1, 1, 1, 4] } as never)).toThrow('Unknown option "noiseShape" in layer SpatialDropout2D');
    expect(spatialDropout1d({ rate: 0.2 }).rate).toBe(0.2);
  });

  it('Conv2DTranspose refuses groups', () => {
    expect(() => conv2dTranspose({ filters: 4, kernelSize: 3, groups: 2 } as never)).toThrow('Unknown option "groups" in layer Conv2DTranspose');
    expect(conv2dTranspose({ filters: 4, kernelSize: 3 }).groups).toBe(1);
  });

  it('LSTM, GRU and SimpleRNN refuse a cell of their own', () => {
    const makers: Array<(args: never) => unknown> = [lstm, gru, simpleRNN];
    for (const make of makers) {
      expect(() => make({ units: 2, cell: simpleRNNCell({ units: 2 }) } as never)).toThrow(/Unknown option "cell" in layer "(lstm|gru|simple_rnn)\w*": it makes its own cell/);
    }
  });
});
