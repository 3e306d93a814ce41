import { describe, expect, it } from 'vitest';
import type { tf } from '@dendrite/backend';
import { type ImageDataGeneratorOptions, resolveOptions } from './generator-options';

/** The message of an option refused by {@link resolveOptions}. */
const refusal = (option: string, expected: string, received: string) => `Expected ${option} to be ${expected} in ImageDataGenerator, received ${received}`;

/** Expects `options` to be refused with `message`, as an Error. */
function expectRefused(options: Record<string, unknown>, message: string): void {
  expect(() => resolveOptions(options as ImageDataGeneratorOptions), JSON.stringify(options)).toThrow(new Error(message));
}

describe('resolveOptions', () => {
  it('fills Keras’s defaults: no zoom, nearest fill, cval 0, and leaves the options given untouched', () => {
    const raw: ImageDataGeneratorOptions = { rotationRange: 5, cval: 3 };
    const resolved = resolveOptions(raw);
    expect(resolved).toEqual({ rotationRange: 5, cval: 3, zoomRange: [1, 1], fillMode: 'nearest' });
    expect(raw).toEqual({ rotationRange: 5, cval: 3 });
    expect(resolveOptions({})).toEqual({ zoomRange: [1, 1], fillMode: 'nearest', cval: 0 });
  });

  it('takes a range of 0 and refuses a negative, infinite or non-number one, naming it', () => {
    for (const key of ['rotationRange', 'shearRange', 'channelShiftRange']) {
      expect(resolveOptions({ [key]: 0 })[key as 'rotationRange']).toBe(0);
      expectRefused({ [key]: -1 }, refusal(key, 'a number ≥ 0', '-1'));
      expectRefused({ [key]: Infinity }, refusal(key, 'a number ≥ 0', 'Infinity'));
      expectRefused({ [key]: '5' }, refusal(key, 'a number ≥ 0', '"5"'));
    }
  });

  it('takes a shift range of 0 or more or a list of numbers of either sign, and nothing else', () => {
    for (const key of ['widthShiftRange', 'heightShiftRange']) {
      expect(resolveOptions({ [key]: 0 })[key as 'widthShiftRange']).toBe(0);
      expect(resolveOptions({ [key]: [1, -2] })[key as 'widthShiftRange']).toEqual([1, -2]);
      expectRefused({ [key]: -0.1 }, refusal(key, 'a number ≥ 0 or a list of numbers', '-0.1'));
      expectRefused({ [key]: '0.1' }, refusal(key, 'a number ≥ 0 or a list of numbers', '"0.1"'));
      expectRefused({ [key]: [1, '2'] }, refusal(key, 'a number ≥ 0 or a list of numbers', '[1,"2"]'));
    }
  });

  it('reads a zoom z as [1 − z, 1 + z] for z in [0, 1), or [low, high] with 0 < low ≤ high', () => {
    expect(resolveOptions({ zoomRange: 0 }).zoomRange).toEqual([1, 1]);
    expect(resolveOptions({ zoomRange: 0.25 }).zoomRange).toEqual([0.75, 1.25]);
    expect(resolveOptions({ zoomRange: [0.5, 0.5] }).zoomRange).toEqual([0.5, 0.5]);
    const number = 'a number in [0, 1) or [low, high]';
    const pair = 'a number in [0, 1) or [low, high] with 0 < low ≤ high';
    expectRefused({ zoomRange: 1 }, refusal('zoomRange', number, '1'));
    expectRefused({ zoomRange: -0.1 }, refusal('zoomRange', number, '-0.1'));
    expectRefused({ zoomRange: Number.NaN }, refusal('zoomRange', number, 'NaN'));
    expectRefused({ zoomRange: [0, 1] }, refusal('zoomRange', pair, '[0,1]'));
    expectRefused({ zoomRange: [2, 1] }, refusal('zoomRange', pair, '[2,1]'));
    expectRefused({ zoomRange: [1] }, refusal('zoomRange', pair, '[1]'));
    expectRefused({ zoomRange: [1, 2, 3] }, refusal('zoomRange', pair, '[1,2,3]'));
    expectRefused({ zoomRange: '0.2' }, refusal('zoomRange', pair, '"0.2"'));
  });

  it('takes brightness [low, high] with 0 ≤ low ≤ high', () => {
    expect(resolveOptions({ brightnessRange: [0, 0] }).brightnessRange).toEqual([0, 0]);
    const expected = '[low, high] with 0 ≤ low ≤ high';
    expectRefused({ brightnessRange: [-0.1, 1] }, refusal('brightnessRange', expected, '[-0.1,1]'));
    expectRefused({ brightnessRange: [1, 0.5] }, refusal('brightnessRange', expected, '[1,0.5]'));
    expectRefused({ brightnessRange: [1] }, refusal('brightnessRange', expected, '[1]'));
    expectRefused({ brightnessRange: [0.5, 1, 2] }, refusal('brightnessRange', expected, '[0.5,1,2]'));
    expectRefused({ brightnessRange: 1 }, refusal('brightnessRange', expected, '1'));
  });

  it('checks the fill mode, validation split, rescale, data format and preprocessing function', () => {
    for (const fillMode of ['nearest', 'constant', 'reflect', 'wrap'] as const) expect(resolveOptions({ fillMode }).fillMode).toBe(fillMode);
    expect(resolveOptions({ validationSplit: 0 }).validationSplit).toBe(0);
    expect(resolveOptions({ validationSplit: 0.5, rescale: 1 / 255, dataFormat: 'channels_last' })).toMatchObject({ validationSplit: 0.5, rescale: 1 / 255, dataFormat: 'channels_last' });
    expectRefused({ validationSplit: 1 }, refusal('validationSplit', 'a number in [0, 1)', '1'));
    expectRefused({ validationSplit: -0.1 }, refusal('validationSplit', 'a number in [0, 1)', '-0.1'));
    expectRefused({ rescale: Infinity }, refusal('rescale', 'a finite number', 'Infinity'));
    expectRefused({ rescale: '2' }, refusal('rescale', 'a finite number', '"2"'));
    expectRefused({ dataFormat: 'channels_first' }, refusal('dataFormat', '"channels_last"', '"channels_first"'));
    expectRefused({ preprocessingFunction: 5 }, refusal('preprocessingFunction', 'a function', '"number"'));
    const preprocessingFunction = (batch: tf.Tensor4D) => batch;
    expect(resolveOptions({ preprocessingFunction }).preprocessingFunction).toBe(preprocessingFunction);
  });

  it('checks the keys against the list given, or none for a user’s subclass', () => {
    expect(() => resolveOptions({ zoom_range: 0.2 } as never)).toThrow(new TypeError('Unknown option "zoom_range" in ImageDataGenerator: did you mean "zoomRange"?'));
    expect(resolveOptions({ myOption: 1 } as never, null)).toMatchObject({ myOption: 1 });
  });
});
