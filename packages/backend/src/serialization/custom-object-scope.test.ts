import { expect, it } from 'vitest';
import { findCustomObject, withCustomObjects } from './custom-object-scope';
import { ObjectRegistry, UnknownObjectError } from './object-registry';

class Shape {
  static className = 'Shape';
  constructor(readonly config: Record<string, unknown> = {}) {}
  static fromConfig(config: Record<string, unknown>): Shape {
    return new this(config);
  }
}
class Square extends Shape {
  static override className = 'Square';
}
class Circle extends Shape {
  static override className = 'Circle';
}
class Other {
  static className = 'Other';
  static fromConfig(): Other {
    return new Other();
  }
}

const shapes = () => new ObjectRegistry<Shape>('shape', (value): value is Shape => value instanceof Shape);

it('resolves custom classes ahead of the registry, by key in any spelling or by className, only inside the scope', () => {
  const registry = shapes();
  registry.register('Square', (config) => new Square(config));
  const custom = withCustomObjects({ Square: Circle }, () => registry.get({ class_name: 'square', config: { side: 2 } }));
  expect(custom).toBeInstanceOf(Circle);
  expect(custom.config).toEqual({ side: 2 });
  expect(registry.get('Square')).toBeInstanceOf(Square);
  expect(withCustomObjects({ anything: Circle }, () => registry.get('Circle'))).toBeInstanceOf(Circle);
  expect(withCustomObjects({ 'my_package>Circle': Circle }, () => registry.get('circle'))).toBeInstanceOf(Circle);
  expect(withCustomObjects({ Circle }, () => registry.has('circle'))).toBe(true);
  expect(registry.has('Circle')).toBe(false);
});

it('takes only objects of the registry kind, and functions only where the registry wraps them', () => {
  const plain = shapes();
  const wrapping = new ObjectRegistry<Shape>('shape', (value): value is Shape => value instanceof Shape, (fn, config) => new Shape({ fn: fn.name, ...config }));
  function hexagon() {}
  withCustomObjects({ Other, hexagon }, () => {
    expect(() => plain.get('Other')).toThrow(UnknownObjectError);
    expect(() => plain.get('hexagon')).toThrow('Unknown shape "hexagon": expected one of ');
    expect(wrapping.get('hexagon').config).toEqual({ fn: 'hexagon' });
  });
});

it('nests scopes innermost first, ends them on throw, and refuses a body returning a promise', () => {
  expect(withCustomObjects({ Shape: Square }, () => withCustomObjects({ Shape: Circle }, () => findCustomObject('Shape', () => true)))).toBe(Circle);
  expect(() => withCustomObjects({ Square }, () => { throw new Error('boom'); })).toThrow('boom');
  expect(findCustomObject('Square', () => true)).toBeUndefined();
  expect(() => withCustomObjects({ Square }, () => Promise.resolve(1))).toThrow('Expected a synchronous body for withCustomObjects, received one returning a promise');
  expect(findCustomObject('Square', () => true)).toBeUndefined();
  expect(() => withCustomObjects([Square] as never, () => 1)).toThrow('Expected customObjects to be an object of classes and functions by name ({ MyLayer, myLoss }), received an array');
});
