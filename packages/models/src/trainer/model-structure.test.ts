import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import type { ModelContract } from '../contracts/model-contract';
import { ensureOutputsKnown, flattenOutputs, inputStructureFor, inputStructureOf, isNamedParts, isPartList, packInputs } from './model-structure';

/** The parts of a model these functions read, with the calls they make written down. */
function fakeModel(options: { inputs?: string[]; outputs?: string[]; known?: string[]; built?: boolean; returns?: unknown } = {}) {
  const calls: string[] = [];
  const model = {
    name: 'fake',
    declaredInputNames: options.inputs,
    declaredOutputNames: options.outputs,
    outputNames: options.outputs ?? options.known ?? [],
    hasKnownOutputs: options.outputs !== undefined || options.known !== undefined,
    built: options.built ?? false,
    noteOutputNames(names: string[]) {
      calls.push(`note ${names.join(' ')}`);
    },
    apply(_x: unknown, args: { training: boolean }) {
      calls.push(`apply training=${args.training}`);
      return options.returns ?? tf.zeros([1, 1]);
    },
    clearLosses() {
      calls.push('clearLosses');
    },
  };
  return { model: model as unknown as ModelContract, calls };
}

describe('input structures', () => {
  it('tells named parts from tensors, lists and {values, shape}', () => {
    const t = tf.zeros([1]);
    expect(isNamedParts({ a: t })).toBe(true);
    expect(isNamedParts({ values: [1] })).toBe(true);
    expect(isNamedParts({ shape: [1] })).toBe(true);
    expect(isNamedParts({ values: [1], shape: [1] })).toBe(false);
    expect(isNamedParts(t)).toBe(false);
    expect(isNamedParts([t])).toBe(false);
    expect(isNamedParts(null)).toBe(false);
    expect(isNamedParts('a')).toBe(false);
    t.dispose();
  });

  it('tells a list of inputs from one nested number array', () => {
    const t = tf.zeros([1]);
    expect(isPartList([t, t])).toBe(true);
    expect(isPartList([{ values: [1], shape: [1] }, t])).toBe(true);
    expect(isPartList([])).toBe(false);
    expect(isPartList([[1, 2]])).toBe(false);
    expect(isPartList([1, 2])).toBe(false);
    expect(isPartList([t, [1]])).toBe(false);
    expect(isPartList([t, null])).toBe(false);
    expect(isPartList(t)).toBe(false);
    t.dispose();
  });

  it("takes a model's declared inputs, else the data's structure, remembered for the steps", () => {
    expect(inputStructureFor(fakeModel({ inputs: ['x'] }).model, [[1]])).toEqual({ kind: 'single', names: ['x'] });
    expect(inputStructureFor(fakeModel({ inputs: ['a', 'b'] }).model, {})).toEqual({ kind: 'list', names: ['a', 'b'] });
    expect(inputStructureOf(fakeModel({ inputs: ['a', 'b'] }).model)).toEqual({ kind: 'list', names: ['a', 'b'] });
    expect(inputStructureOf(fakeModel({ inputs: ['x'] }).model)).toEqual({ kind: 'single', names: ['x'] });
    const t = tf.zeros([1]);
    const { model } = fakeModel();
    expect(inputStructureOf(model)).toEqual({ kind: 'single', names: ['input'] });
    expect(inputStructureFor(model, { b: t, a: t })).toEqual({ kind: 'record', names: ['b', 'a'] });
    expect(inputStructureOf(model)).toEqual({ kind: 'record', names: ['b', 'a'] });
    expect(inputStructureFor(model, [t, t])).toEqual({ kind: 'list', names: ['input_1', 'input_2'] });
    expect(inputStructureOf(model)).toEqual({ kind: 'list', names: ['input_1', 'input_2'] });
    expect(inputStructureFor(model, [[1, 2]])).toEqual({ kind: 'single', names: ['input'] });
    expect(inputStructureOf(model)).toEqual({ kind: 'single', names: ['input'] });
    t.dispose();
  });

  it('packs the input tensors as the model takes them', () => {
    const [a, b] = [tf.zeros([1]), tf.ones([1])];
    const { model } = fakeModel();
    inputStructureFor(model, { first: a, second: b });
    expect(packInputs(model, [a, b])).toEqual({ first: a, second: b });
    inputStructureFor(model, [a, b]);
    expect(packInputs(model, [a, b])).toEqual([a, b]);
    inputStructureFor(model, a);
    expect(packInputs(model, [a])).toBe(a);
    tf.dispose([a, b]);
  });
});

describe('flattenOutputs', () => {
  it("lists a subclassed model's outputs and notes their names: output, output_i, or the sorted keys", () => {
    const [a, b] = [tf.zeros([1]), tf.ones([1])];
    const single = fakeModel();
    expect(flattenOutputs(single.model, a)).toEqual([a]);
    const list = fakeModel();
    expect(flattenOutputs(list.model, [a, b])).toEqual([a, b]);
    const record = fakeModel();
    expect(flattenOutputs(record.model, { zeta: a, alpha: b })).toEqual([b, a]);
    expect([...single.calls, ...list.calls, ...record.calls]).toEqual(['note output', 'note output_1 output_2', 'note alpha zeta']);
    tf.dispose([a, b]);
  });

  it("returns a declared model's outputs as they are, noting nothing", () => {
    const [a, b] = [tf.zeros([1]), tf.ones([1])];
    const { model, calls } = fakeModel({ outputs: ['first', 'second'] });
    expect(flattenOutputs(model, [a, b])).toEqual([a, b]);
    expect(calls).toEqual([]);
    tf.dispose([a, b]);
  });

  it('accepts the outputs a subclassed model returned before, and refuses others, naming both', () => {
    const [a, b] = [tf.zeros([1]), tf.ones([1])];
    const { model, calls } = fakeModel({ known: ['output_1', 'output_2'] });
    expect(flattenOutputs(model, [a, b])).toEqual([a, b]);
    expect(calls).toEqual([]);
    expect(() => flattenOutputs(model, a)).toThrow(new Error('Expected model "fake" to return the outputs it returned before (output_1, output_2), received output'));
    expect(() => flattenOutputs(model, [a, b, a])).toThrow(new Error('Expected model "fake" to return the outputs it returned before (output_1, output_2), received output_1, output_2, output_3'));
    expect(() => flattenOutputs(fakeModel({ known: ['output_1', 'other'] }).model, [a, b])).toThrow(/received output_1, output_2$/);
    expect(() => flattenOutputs(fakeModel({ known: ['output_1'] }).model, [a, b])).toThrow(/\(output_1\), received output_1, output_2$/);
    tf.dispose([a, b]);
  });
});

describe('ensureOutputsKnown', () => {
  it('calls a model not yet built or without known outputs once in inference mode, then frees its losses, leaking nothing', () => {
    const x = tf.zeros([1, 1]);
    const before = tf.memory().numTensors;
    const fresh = fakeModel();
    ensureOutputsKnown(fresh.model, [x]);
    expect(fresh.calls).toEqual(['apply training=false', 'note output', 'clearLosses']);
    const builtUnknown = fakeModel({ built: true });
    ensureOutputsKnown(builtUnknown.model, [x]);
    expect(builtUnknown.calls).toEqual(['apply training=false', 'note output', 'clearLosses']);
    const knownUnbuilt = fakeModel({ outputs: ['out'] });
    ensureOutputsKnown(knownUnbuilt.model, [x]);
    expect(knownUnbuilt.calls).toEqual(['apply training=false', 'clearLosses']);
    expect(tf.memory().numTensors).toBe(before);
    const ready = fakeModel({ outputs: ['out'], built: true });
    ensureOutputsKnown(ready.model, [x]);
    expect(ready.calls).toEqual([]);
    x.dispose();
  });
});
