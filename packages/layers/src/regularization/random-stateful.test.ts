import { describe, expect, it } from 'vitest';
import { dropout, gaussianNoise } from './index';
import { simpleRNN } from '../recurrent/index';
import { isRandomStateful } from './random-stateful';
import { SeedGenerator } from './seed-generator';

describe('SeedGenerator state', () => {
  it('replays the same seeds after its state is put back', () => {
    const seeds = new SeedGenerator(11, 'dropout');
    seeds.next();
    const saved = seeds.getState()!;
    const drawn = [seeds.next(), seeds.next()];
    seeds.setState(saved);
    expect([seeds.next(), seeds.next()]).toEqual(drawn);
  });

  it('has no state without a seed and refuses one, naming the layer', () => {
    const seeds = new SeedGenerator(undefined, 'noise_1');
    expect(seeds.getState()).toBeUndefined();
    expect(() => seeds.setState(3)).toThrow(/layer "noise_1"/);
    expect(() => new SeedGenerator(1, 'drop_2').setState(1.5)).toThrow(TypeError);
  });
});

describe('Layer.getRandomStates / setRandomStates', () => {
  it('reports a seeded layer\'s stream, nothing for an unseeded one', () => {
    expect(isRandomStateful(dropout({ rate: 0.5 }))).toBe(true);
    expect(dropout({ rate: 0.5 }).getRandomStates()).toEqual({});
    expect(Object.keys(gaussianNoise({ stddev: 1, seed: 3 }).getRandomStates())).toEqual(['seeds']);
  });

  it('finds the stream of a recurrent layer\'s cell and restores it', () => {
    const layer = simpleRNN({ units: 2, dropout: 0.5, seed: 5 });
    const saved = layer.getRandomStates();
    expect(Object.keys(saved)).toHaveLength(1); // the cell's, reached through the layer's fields
    expect(Object.keys(saved)[0]).toMatch(/\/seeds$/);
    const streams = (layer as unknown as { cell: { seeds: SeedGenerator } }).cell.seeds;
    const drawn = streams.next();
    layer.setRandomStates(saved);
    expect(streams.next()).toBe(drawn);
  });

  it('refuses a state for a stream the layer does not have, naming the layer', () => {
    const layer = dropout({ rate: 0.5, seed: 1, name: 'drop_a' });
    expect(() => layer.setRandomStates({ 'cell/seeds': 4 })).toThrow(/layer "drop_a" to have a seeded random stream "cell\/seeds"/);
    expect(() => layer.setRandomStates(null as never)).toThrow(TypeError);
  });
});
