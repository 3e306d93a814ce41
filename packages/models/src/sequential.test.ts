import { afterEach, expect, it } from 'vitest';
import { centerCrop, dense, resetUniqueNames } from '@dendrite/layers';
import { sequential } from './sequential';

afterEach(() => resetUniqueNames());

it("checks each layer's input spec when it computes output shapes, not only when it builds", () => {
  const model = sequential({ layers: [centerCrop({ height: 2, width: 2 }), dense({ units: 3 })] });
  expect(model.computeOutputShape([null, 4, 4, 1])).toEqual([null, 2, 2, 3]);
  expect(() => model.computeOutputShape([null, 4])).toThrow('Expected inputShape of rank 3 or 4, received [null, 4] in layer "center_crop"');
});

it('takes a list of layers, as Keras’s Sequential([...]), and refuses anything else by name', () => {
  const model = sequential([dense({ units: 3, inputShape: [2] }), dense({ units: 1 })]);
  expect(model.layers.map((layer) => layer.name)).toEqual(['dense', 'dense_1']);
  expect(model.built).toBe(true);
  expect(model.countParams()).toBe(2 * 3 + 3 + 3 + 1);
  expect(sequential({ layers: [dense({ units: 1 })], name: 'named' }).name).toBe('named');
  expect(() => sequential(dense({ units: 1, name: 'lonely' }) as never)).toThrow('Expected a list of layers or {layers, name} for Sequential, received layer "lonely": wrap it in a list');
  expect(() => sequential('dense' as never)).toThrow(TypeError);
  expect(() => sequential({ layer: [] } as never)).toThrow('Unknown option "layer" in Sequential: did you mean "layers"?');
  expect(() => sequential([dense({ units: 1 }), 3 as never])).toThrow(/Expected layers\[1\] of model "sequential_\d+" to be a layer, received 3/);
});
