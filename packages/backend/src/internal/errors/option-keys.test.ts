import { describe, expect, it } from 'vitest';
import { checkOptionKeys, classOptionKeys, optionKeys, splitOptionKeys, suggestOptionKey } from './option-keys';

describe('checkOptionKeys', () => {
  const sgdKeys = ['learningRate', 'momentum', 'nesterov', 'clipValue', 'clipNorm', 'globalClipNorm', 'name'];

  it('passes known keys, undefined and null', () => {
    expect(() => checkOptionKeys({ learningRate: 0.1, momentum: 0.9 }, sgdKeys, 'SGD')).not.toThrow();
    expect(() => checkOptionKeys(undefined, sgdKeys, 'SGD')).not.toThrow();
    expect(() => checkOptionKeys(null, sgdKeys, 'SGD')).not.toThrow();
    expect(() => checkOptionKeys({ lr: undefined }, sgdKeys, 'SGD')).not.toThrow();
  });

  it('names an unknown key and the spelling meant', () => {
    expect(() => checkOptionKeys({ lr: 1e-3 }, sgdKeys, 'SGD')).toThrow('Unknown option "lr" in SGD: did you mean "learningRate"?');
    expect(() => checkOptionKeys({ clipvalue: 1 }, sgdKeys, 'SGD')).toThrow('Unknown option "clipvalue" in SGD: did you mean "clipValue"?');
    expect(() => checkOptionKeys({ learning_rate: 1 }, sgdKeys, 'SGD')).toThrow('did you mean "learningRate"?');
    expect(() => checkOptionKeys({ momentom: 1 }, sgdKeys, 'SGD')).toThrow('did you mean "momentum"?');
  });

  it('throws a TypeError', () => {
    expect(() => checkOptionKeys({ lr: 1 }, sgdKeys, 'SGD')).toThrow(TypeError);
  });

  it('lists the known keys when nothing is close', () => {
    expect(() => checkOptionKeys({ colour: 'red' }, ['units', 'activation'], 'layer "dense"')).toThrow(
      'Unknown option "colour" in layer "dense"; expected one of "activation", "units"',
    );
    expect(() => checkOptionKeys({ a: 1 }, [], 'flatten')).toThrow('expected no options');
  });

  it('refuses options that are not an object', () => {
    expect(() => checkOptionKeys(3, sgdKeys, 'SGD')).toThrow('Expected the options of SGD to be an object, received 3');
    expect(() => checkOptionKeys([1], sgdKeys, 'SGD')).toThrow('received [1]');
  });
});

describe('suggestOptionKey', () => {
  it('matches snake_case, lower case and Keras 1 names', () => {
    expect(suggestOptionKey('kernel_initializer', ['units', 'kernelInitializer'])).toBe('kernelInitializer');
    expect(suggestOptionKey('beta_1', ['beta1', 'beta2'])).toBe('beta1');
    expect(suggestOptionKey('batch_size', ['epochs', 'batchSize'])).toBe('batchSize');
    expect(suggestOptionKey('input_dim', ['inputDim', 'inputShape'])).toBe('inputDim');
    expect(suggestOptionKey('nb_epoch', ['epochs', 'verbose'])).toBe('epochs');
    expect(suggestOptionKey('unit', ['units', 'useBias'])).toBe('units');
  });

  it('suggests nothing far away', () => {
    expect(suggestOptionKey('zzz', ['units', 'activation'])).toBeUndefined();
    expect(suggestOptionKey('lr', ['units'])).toBeUndefined();
  });
});

describe('classOptionKeys', () => {
  class Base { static readonly optionKeys = optionKeys<{ name?: string }>({ name: true }); }
  class Child extends Base { static override readonly optionKeys = optionKeys<{ name?: string; units: number }, { name?: string }>({ units: true }); }
  class UserChild extends Child {}

  it('joins the keys along the class chain', () => {
    expect([...classOptionKeys(Child)!].sort()).toEqual(['name', 'units']);
  });

  it('leaves out the parent keys a class omits', () => {
    class NoUnits extends Child {
      static override readonly optionKeys: readonly string[] = [];
      static readonly omittedOptionKeys = ['units'];
    }
    class Below extends NoUnits { static override readonly optionKeys: readonly string[] = ['rate']; }
    expect(classOptionKeys(NoUnits)).toEqual(['name']);
    expect([...classOptionKeys(Below)!].sort()).toEqual(['name', 'rate']);
  });

  it('is undefined for a class that declares none (a user subclass)', () => {
    expect(classOptionKeys(UserChild)).toBeUndefined();
  });
});

describe('splitOptionKeys', () => {
  it('keeps the known entries and names the dropped ones', () => {
    expect(splitOptionKeys({ units: 2, quantization_config: null }, ['units'])).toEqual({ known: { units: 2 }, dropped: ['quantization_config'] });
  });
});
