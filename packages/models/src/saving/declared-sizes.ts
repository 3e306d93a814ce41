import type { Group as H5Group } from 'h5wasm';

/** The shapes of every dataset of an HDF5 group and its subgroups (metadata only: no values are read). */
export function storedShapes(group: H5Group, skip: (name: string) => boolean = () => false): number[][] {
  const shapes: number[][] = [];
  const visit = (current: H5Group, depth: number) => {
    if (depth > 64) return;
    for (const key of current.keys()) {
      if (depth === 0 && skip(key)) continue;
      const child = current.get(key) as unknown;
      if (child === null || typeof child !== 'object') continue;
      if ('keys' in child && typeof (child as H5Group).keys === 'function') visit(child as H5Group, depth + 1);
      else if ('shape' in child) shapes.push([...(((child as { shape: number[] | null }).shape ?? []) as number[])]);
    }
  };
  visit(group, 0);
  return shapes;
}

/** Config keys that size a layer's weights: each is a dimension of one of the arrays the layer stores. */
const SIZE_KEYS = new Set(['units', 'filters', 'output_dim', 'input_dim', 'key_dim', 'value_dim']);

/**
 * Checks a model config's layer sizes (`units`, `filters`, `output_dim`, …) against the shapes of
 * the weights stored with it, before the model is built: a size no stored array has room for
 * would allocate a model the file cannot fill (a 13 KB `.keras` declaring `units: 5e7` asks for
 * gigabytes). Also refuses two layers of one name in a model's `layers`.
 *
 * @param shapes every stored weight's shape (see {@link storedShapes})
 * @throws Error naming the file, the layer and the size
 */
export function checkDeclaredSizes(config: unknown, shapes: number[][], where: string): void {
  const largest = shapes.reduce((most, shape) => Math.max(most, ...shape), 0);
  const visit = (value: unknown, layerName: string, depth: number): void => {
    if (depth > 200 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, layerName, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const inner = record.config as Record<string, unknown> | undefined;
    const name = typeof record.name === 'string' ? record.name : typeof inner?.name === 'string' ? inner.name : layerName;
    if (Array.isArray(record.layers)) refuseDuplicateNames(record.layers, name, where);
    for (const [key, entry] of Object.entries(record)) {
      if (SIZE_KEYS.has(key) && typeof entry === 'number' && entry > largest) {
        throw new Error(
          `Expected layer sizes in "${where}" that its stored weights can fill, received ${key}: ${entry} in layer "${name}" while the largest stored weight dimension is ${largest} (refused before building the model)`,
        );
      }
      visit(entry, name, depth + 1);
    }
  };
  visit(config, 'model', 0);
}

function refuseDuplicateNames(layers: unknown[], modelName: string, where: string): void {
  const seen = new Set<string>();
  for (const entry of layers) {
    const record = entry as { name?: unknown; config?: { name?: unknown } } | null;
    const name = typeof record?.name === 'string' ? record.name : typeof record?.config?.name === 'string' ? record.config.name : undefined;
    if (name === undefined) continue;
    if (seen.has(name)) throw new Error(`Expected unique layer names in model "${modelName}" of "${where}", received two layers named "${name}"`);
    seen.add(name);
  }
}

/**
 * Refuses weights the model has no place for when it has none at all (a config with `layers: []`
 * beside stored weights would otherwise load as an empty model, the weights ignored).
 */
export function refuseUnusedWeights(modelWeights: number, shapes: number[][], where: string): void {
  if (modelWeights === 0 && shapes.length > 0) {
    throw new Error(`Expected a model with weights in "${where}", received a config whose model has none beside ${shapes.length} stored weight arrays (shapes ${shapes.slice(0, 4).map((shape) => `[${shape}]`).join(', ')}${shapes.length > 4 ? ', …' : ''})`);
  }
}

/**
 * Refuses stored shapes whose values the file cannot hold (4 bytes an entry, HDF5's compression at
 * most deflate's ratio, 16 MiB always allowed): the shapes then bound the model safely.
 *
 * @throws Error naming the file, the declared size and the file's size
 */
export function checkShapesFitFile(shapes: number[][], fileBytes: number, where: string): void {
  const declared = shapes.reduce((total, shape) => total + shape.reduce((product, dimension) => product * dimension, 1) * 4, 0);
  if (declared > Math.max(fileBytes * 1032, 16 * 2 ** 20)) {
    throw new Error(`Expected stored weights that fit "${where}", received shapes declaring ${declared} bytes in a file of ${fileBytes} bytes`);
  }
}
