import { expect, it } from 'vitest';
import { toCategorical } from './to-categorical';
import { scaleImages } from './scale-images';

it('one-hot encodes labels as keras.utils.to_categorical', () => {
  expect(toCategorical([2, 0, 1])).toEqual({ values: Float32Array.from([0, 0, 1, 1, 0, 0, 0, 1, 0]), shape: [3, 3] });
  expect(toCategorical({ values: Int32Array.from([1]), shape: [1] }, 4).values).toEqual(Float32Array.from([0, 1, 0, 0]));
  expect(toCategorical(Int32Array.from([1, 0]), 2)).toEqual({ values: Float32Array.from([0, 1, 1, 0]), shape: [2, 2] });
  expect(() => toCategorical([0, 5], 3)).toThrow('Expected labels to be integers in [0, 3), received 5 at index 1');
});

it('takes numClasses as Keras’s second argument or in an options object, and refuses one it cannot use', () => {
  // An options object used to be read as a class count of NaN: an empty result, without a word.
  expect(toCategorical([1, 0], { numClasses: 3 })).toEqual({ values: Float32Array.from([0, 1, 0, 1, 0, 0]), shape: [2, 3] });
  expect(() => toCategorical([1], { numClasses: 'three' } as never)).toThrow('Expected numClasses to be an integer ≥ 1 in toCategorical, received "three"');
  expect(() => toCategorical([1], 2.5)).toThrow('Expected numClasses to be an integer ≥ 1 in toCategorical, received 2.5');
  expect(() => toCategorical([1], { num_classes: 3 } as never)).toThrow('Unknown option "num_classes" in toCategorical: did you mean "numClasses"?');
});

it('reads numClasses null as none (Keras’s num_classes=None) and takes a single class', () => {
  expect(toCategorical([1, 0], null as never)).toEqual({ values: Float32Array.from([0, 1, 1, 0]), shape: [2, 2] });
  expect(toCategorical([0, 0], 1)).toEqual({ values: Float32Array.from([1, 1]), shape: [2, 1] });
  expect(() => toCategorical([0], 0)).toThrow(new RangeError('Expected numClasses to be an integer ≥ 1 in toCategorical, received 0'));
  expect(() => toCategorical([], { numClasses: 0 })).toThrow(RangeError);
  expect(() => toCategorical([1], 2.5)).toThrow(RangeError);
  expect(() => toCategorical([1], '3' as never)).toThrow(TypeError);
});

it('refuses labels outside [0, numClasses) or not integers, at their index', () => {
  expect(() => toCategorical([0, -1], 3)).toThrow(new Error('Expected labels to be integers in [0, 3), received -1 at index 1'));
  expect(() => toCategorical([3], 3)).toThrow(new Error('Expected labels to be integers in [0, 3), received 3 at index 0'));
  expect(() => toCategorical([1.5], 3)).toThrow(new Error('Expected labels to be integers in [0, 3), received 1.5 at index 0'));
  // Text is not labels: refused by the same check, not by a crash looking for a shape in a string.
  expect(() => toCategorical('12' as never, 3)).toThrow(new Error('Expected labels to be integers in [0, 3), received 1 at index 0'));
});

it('refuses a shape or divisor scaleImages would misread', () => {
  const images = { values: Uint8Array.from([0, 255]), shape: [1, 2] };
  expect(() => scaleImages(images, 255 as never)).toThrow('Expected shape to be a list of sizes in scaleImages, received 255');
  expect(() => scaleImages(images, undefined, 0)).toThrow(new RangeError('Expected divisor to be a non-zero finite number in scaleImages, received 0'));
  expect(() => scaleImages(images, undefined, Infinity)).toThrow(new RangeError('Expected divisor to be a non-zero finite number in scaleImages, received Infinity'));
  expect(() => scaleImages(images, undefined, Number.NaN)).toThrow(RangeError);
  expect(() => scaleImages(images, undefined, '255' as never)).toThrow(new TypeError('Expected divisor to be a non-zero finite number in scaleImages, received "255"'));
  // Sizes whose product matches but are not sizes: a fraction, negative integers.
  expect(() => scaleImages(images, [4, 0.5])).toThrow('Expected shape to be a list of sizes in scaleImages, received [4,0.5]');
  expect(() => scaleImages(images, [-1, -2])).toThrow('Expected shape to be a list of sizes in scaleImages, received [-1,-2]');
  expect(() => scaleImages({ values: new Uint8Array(4), shape: [4] }, [3, 2])).toThrow('Expected a shape holding 4 values, received [3, 2] (6)');
});

it('reshapes no images to a shape with a size of 0', () => {
  expect(scaleImages({ values: new Uint8Array(0), shape: [0, 2] }, [0, 3])).toEqual({ values: new Float32Array(0), shape: [0, 3] });
});

it('scales pixels to [0, 1] and reshapes', () => {
  const scaled = scaleImages({ values: Uint8Array.from([0, 255, 51, 102]), shape: [1, 2, 2] }, [1, 4]);
  expect(scaled.shape).toEqual([1, 4]);
  expect(Array.from(scaled.values)).toEqual([0, 1, 0.2, 0.4].map((v) => Math.fround(v)));
  expect(() => scaleImages({ values: new Uint8Array(4), shape: [4] }, [3])).toThrow('Expected a shape holding 4 values, received [3] (3)');
});
