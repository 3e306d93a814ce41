import { describe, expect, it } from 'vitest';
import { ARGS_BYTE, MAX_ARGS, SLOT, TAKE_PARTS_SOURCE, controlBlock, maxParts, workerSlots } from './shared-memory-pool';

type TakeParts = (call: number) => void;

/**
 * The workers' `takeParts` for worker `index` of a 2-thread control block, on one thread, with
 * `Atomics` wrapped to write down each store to the worker's running flag and each PENDING
 * decrement, in order (the calling thread reads the flag to count the parts dead workers hold).
 */
function instrumented(index: number, part: (args: number[]) => void) {
  const control = controlBlock(2);
  const state = new Int32Array(control, 0, ARGS_BYTE / 4);
  const args = new Float64Array(control, ARGS_BYTE, maxParts(2) * MAX_ARGS);
  const [, running] = workerSlots(control, 2);
  const events: string[] = [];
  const atomics = {
    ...Object.fromEntries(Object.getOwnPropertyNames(Atomics).map((name) => [name, (Atomics as unknown as Record<string, unknown>)[name]])),
    store(array: Int32Array, at: number, value: number) {
      if (array === running) events.push(`running ${value}`);
      return Atomics.store(array, at, value);
    },
    sub(array: Int32Array, at: number, value: number) {
      if (array === state && at === SLOT.PENDING) events.push('done');
      return Atomics.sub(array, at, value);
    },
  };
  const modules = [[(...values: number[]) => {
    events.push(`part ${values[0]} (running ${Atomics.load(running, index)})`);
    part(values);
  }]];
  const takeParts = new Function('Atomics', 'state', 'running', 'index', 'modules', 'args', `${TAKE_PARTS_SOURCE}\nreturn takeParts;`)(atomics, state, running, index, modules, args) as TakeParts;
  return { state, args, running, events, takeParts };
}

describe('the workers’ takeParts', () => {
  it('flags a worker running only while it holds a part: from its claim until just before the part is counted done', () => {
    const { state, args, running, events, takeParts } = instrumented(1, () => {});
    const call = (7 << 8) | 2;
    for (const part of [0, 1]) args[part * MAX_ARGS] = part;
    Atomics.store(state, SLOT.CLAIM, 7 << 8);
    Atomics.store(state, SLOT.PENDING, 2);
    takeParts(call);
    expect(events).toEqual(['running 1', 'part 0 (running 1)', 'running 0', 'done', 'running 1', 'part 1 (running 1)', 'running 0', 'done']);
    expect([Atomics.load(state, SLOT.PENDING), running[1]]).toEqual([0, 0]);
  });

  it('never flags a worker that finds no part left, nor one that reads another call’s claim', () => {
    const { state, events, takeParts } = instrumented(0, () => {});
    Atomics.store(state, SLOT.CLAIM, (7 << 8) | 2);
    takeParts((7 << 8) | 2);
    Atomics.store(state, SLOT.CLAIM, 8 << 8);
    takeParts((7 << 8) | 2);
    expect(events).toEqual([]);
  });

  it('clears the flag and counts the part done when the part throws, marking the call failed', () => {
    const { state, running, events, takeParts } = instrumented(0, () => {
      throw new Error('part failed');
    });
    Atomics.store(state, SLOT.CLAIM, 3 << 8);
    Atomics.store(state, SLOT.PENDING, 1);
    takeParts((3 << 8) | 1);
    expect(events).toEqual(['running 1', 'part 0 (running 1)', 'running 0', 'done']);
    expect([Atomics.load(state, SLOT.FAILED), Atomics.load(state, SLOT.PENDING), running[0]]).toEqual([1, 0, 0]);
  });
});
