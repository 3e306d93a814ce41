/** A tensor shape in which unknown sizes (the batch, usually) are null: `[null, 28, 28, 1]`. */
export type Shape = Array<number | null>;

/** Formats a shape as Keras prints it: `(None, 28, 28, 1)` in Python, `[null, 28, 28, 1]` here. */
export function shapeToString(shape: readonly (number | null)[]): string {
  return `[${shape.map((size) => (size === null ? 'null' : String(size))).join(', ')}]`;
}

/** Whether `value` is a list of shapes (a multi-input layer's input shape) rather than one shape. */
export function isShapeList(value: Shape | Shape[]): value is Shape[] {
  return value.length > 0 && value.every((entry) => Array.isArray(entry));
}

/** The one shape of a single-input layer; an Error naming the layer when it is given several. */
export function singleShape(value: Shape | Shape[], layerName: string): Shape {
  if (isShapeList(value)) {
    if (value.length !== 1) {
      throw new Error(`Expected one input in layer "${layerName}", received ${value.length}: ${value.map(shapeToString).join(', ')}`);
    }
    return value[0];
  }
  return value;
}

/** Whether two shapes agree wherever both are known. */
export function shapesCompatible(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((size, axis) => size === null || b[axis] === null || size === b[axis]);
}
