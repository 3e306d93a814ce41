import { afterEach, expect, it } from 'vitest';
import { centerCrop, dense, resetUniqueNames } from '@dendrite/layers';
import { sequential } from './sequential';

afterEach(() => resetUniqueNames());

it("checks each layer's input spec when it computes output shapes, not only when it builds", () => {
  const model = sequential({ layers: [centerCrop({ height: 2, width: 2 }), dense({ units: 3 })] });
  expect(model.computeOutputShape([null, 4, 4, 1])).toEqual([null, 2, 2, 3]);
  expect(() => model.computeOutputShape([null, 4])).toThrow('Expected inputShape of rank 3 or 4, received [null, 4] in layer "center_crop"');
});
