import { describe, expect, it } from 'vitest';
import { isOptionsObject, positionalOptions } from './positional-options';

describe('positionalOptions', () => {
  it('names leading values after the signature and merges the options', () => {
    expect(positionalOptions([10], ['units'], 'layer Dense')).toEqual({ units: 10 });
    expect(positionalOptions([32, 3, { activation: 'relu' }], ['filters', 'kernelSize'], 'layer Conv2D')).toEqual({ filters: 32, kernelSize: 3, activation: 'relu' });
    expect(positionalOptions([[7, 7, 1]], ['targetShape'], 'layer Reshape')).toEqual({ targetShape: [7, 7, 1] });
    expect(positionalOptions([{ units: 4 }], ['units'], 'layer Dense')).toEqual({ units: 4 });
    expect(positionalOptions([], ['maxValue'], 'MaxNorm')).toEqual({});
    expect(positionalOptions([32, { kernelSize: 3 }], ['filters', 'kernelSize'], 'layer Conv2D')).toEqual({ filters: 32, kernelSize: 3 });
  });

  it('refuses a value given twice, too many values and a non-object where the options go', () => {
    expect(() => positionalOptions([10, { units: 5 }], ['units'], 'layer Dense')).toThrow(
      new TypeError('Expected units once for layer Dense, received 10 as an argument and 5 as an option'),
    );
    expect(() => positionalOptions([1, 0, 3], ['maxValue', 'axis'], 'MaxNorm')).toThrow(
      new TypeError('Expected the options of MaxNorm (after maxValue, axis) to be an object, received 3'),
    );
    expect(() => positionalOptions([3], [], 'layer Flatten')).toThrow(new TypeError('Expected the options of layer Flatten to be an object, received 3'));
    expect(() => positionalOptions([{}, {}], ['units'], 'layer Dense')).toThrow('Expected nothing after the options of layer Dense (arguments: units, options), received {}');
  });

  it('takes only plain objects for options: arrays, layers and functions are positional values', () => {
    class Cell {}
    expect(isOptionsObject({})).toBe(true);
    expect(isOptionsObject(Object.create(null))).toBe(true);
    expect(isOptionsObject([1])).toBe(false);
    expect(isOptionsObject(new Cell())).toBe(false);
    expect(isOptionsObject(() => 0)).toBe(false);
    expect(isOptionsObject(null)).toBe(false);
  });
});
