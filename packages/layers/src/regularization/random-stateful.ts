import { describeValue } from '@dendrite/backend/internal';
import { SeedGenerator } from './seed-generator';

/**
 * The positions of a layer's own random streams, by where each stream sits in the layer
 * (`seeds`, `sublayers/0/seeds` for a cell): JSON-safe, as BackupAndRestore stores them.
 */
export type LayerRandomStates = Record<string, number>;

/**
 * Something with random streams of its own whose position can be saved and restored: every layer
 * (its seeded Dropout, noise, random augmentation or recurrent dropout streams; empty for a layer
 * without a `seed`). BackupAndRestore walks the model's layers and saves these with each backup, so
 * a resumed run draws the masks the uninterrupted one drew.
 *
 * @example
 * ```ts
 * const saved = layer.getRandomStates(); // { seeds: -1273… }
 * layer.setRandomStates(saved);
 * ```
 */
export interface RandomStateful {
  /** Where each own stream is; empty when the layer draws only from the global stream. */
  getRandomStates(): LayerRandomStates;
  /** Puts the streams back where {@link getRandomStates} found them. */
  setRandomStates(states: LayerRandomStates): void;
}

/** True when `value` has {@link RandomStateful}'s two methods (a layer). */
export function isRandomStateful(value: unknown): value is RandomStateful {
  return typeof value === 'object' && value !== null && typeof (value as RandomStateful).getRandomStates === 'function' && typeof (value as RandomStateful).setRandomStates === 'function';
}

/** Each seeded stream reachable from `owner`'s own fields (nested layers and cells too), by path. */
function seededStreams(owner: object): Map<string, SeedGenerator> {
  const found = new Map<string, SeedGenerator>();
  const visited = new Set<object>([owner]);
  const walk = (object: object, prefix: string): void => {
    for (const [key, value] of Object.entries(object)) {
      if (value instanceof SeedGenerator) {
        if (value.getState() !== undefined) found.set(`${prefix}${key}`, value);
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => visit(item, `${prefix}${key}/${index}/`));
      } else {
        visit(value, `${prefix}${key}/`);
      }
    }
  };
  const visit = (value: unknown, prefix: string): void => {
    if (!isRandomStateful(value) || visited.has(value)) return;
    visited.add(value);
    walk(value, prefix);
  };
  walk(owner, '');
  return found;
}

/** The positions of `layer`'s own seeded streams (the body of `Layer.getRandomStates`). */
export function collectRandomStates(layer: object): LayerRandomStates {
  const states: LayerRandomStates = {};
  for (const [path, seeds] of seededStreams(layer)) states[path] = seeds.getState()!;
  return states;
}

/**
 * Puts `layer`'s seeded streams back (the body of `Layer.setRandomStates`).
 *
 * @throws TypeError naming the layer when `states` is not an object of int32 states
 * @throws Error naming the layer and the stream when a state has no seeded stream to go to
 */
export function restoreRandomStates(layer: object, states: LayerRandomStates, layerName: string): void {
  if (typeof states !== 'object' || states === null || Array.isArray(states)) {
    throw new TypeError(`Expected the random states of layer "${layerName}" to be an object from getRandomStates, received ${describeValue(states)}`);
  }
  const streams = seededStreams(layer);
  for (const path of Object.keys(states)) {
    if (!streams.has(path)) throw new Error(`Expected layer "${layerName}" to have a seeded random stream "${path}", received none (the model differs from the one saved)`);
  }
  for (const [path, state] of Object.entries(states)) streams.get(path)!.setState(state);
}
