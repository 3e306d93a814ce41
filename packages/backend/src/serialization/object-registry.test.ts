import { describe, expect, it } from 'vitest';
import { ObjectRegistry, normalizeIdentifier } from './object-registry';
import { toCamelCase, toSnakeCase, keysToCamelCase, keysToSnakeCase } from './case-conversion';

class Thing {
  constructor(readonly config: Record<string, unknown>) {}
}

function registry(): ObjectRegistry<Thing> {
  const things = new ObjectRegistry<Thing>('thing', (value): value is Thing => value instanceof Thing);
  things.register('BinaryCrossentropy', (config) => new Thing(config), ['bce']);
  return things;
}

describe('ObjectRegistry', () => {
  it('resolves every Keras spelling and alias of a name', () => {
    const things = registry();
    for (const name of ['binary_crossentropy', 'binaryCrossentropy', 'BinaryCrossentropy', 'bce']) {
      expect(things.get(name)).toBeInstanceOf(Thing);
      expect(things.className(name)).toBe('BinaryCrossentropy');
    }
    expect(normalizeIdentifier('Binary_Cross-entropy')).toBe('binarycrossentropy');
  });

  it('builds from {class_name, config} and passes instances through', () => {
    const things = registry();
    const built = things.get({ class_name: 'BinaryCrossentropy', config: { from_logits: true } });
    expect(built.config).toEqual({ from_logits: true });
    const instance = new Thing({});
    expect(things.get(instance)).toBe(instance);
  });

  it('names the unknown identifier and lists the known ones', () => {
    expect(() => registry().get('binary_crossentropi')).toThrow(
      'Unknown thing "binary_crossentropi": expected one of BinaryCrossentropy',
    );
    expect(() => registry().get(42 as never)).toThrow('Expected a thing name, a {class_name, config} object or a thing instance, received number 42');
  });

  it('refuses a name taken by another class', () => {
    const things = registry();
    expect(() => things.register('Other', (config) => new Thing(config), ['bce'])).toThrow(/already registered for BinaryCrossentropy/);
  });
});

describe('case conversion', () => {
  it('converts between camelCase and snake_case', () => {
    expect(toSnakeCase('learningRate')).toBe('learning_rate');
    expect(toSnakeCase('beta_1')).toBe('beta_1');
    expect(toSnakeCase('clipNorm')).toBe('clip_norm');
    expect(toCamelCase('global_clipnorm')).toBe('globalClipnorm');
    expect(toCamelCase('beta_1')).toBe('beta1');
    expect(keysToSnakeCase({ fromLogits: true })).toEqual({ from_logits: true });
    expect(keysToCamelCase({ label_smoothing: 0.1 })).toEqual({ labelSmoothing: 0.1 });
  });
});
