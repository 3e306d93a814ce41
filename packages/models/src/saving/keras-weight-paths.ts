import { Layer, type LayerVariable, classNameToSnakeCase as toSnakeCase } from '@dendrite/layers';
import { type ModelContract, isContainerModel } from '../contracts/model-contract';

/** One Keras saveable's place in a weights file: `layers/dense_1` holds `vars/0`, `vars/1`, …. */
export interface SaveablePath {
  /** The group path, `''` for the model itself. */
  path: string;
  /** The layer at that path. */
  layer: Layer;
  /** The layer's own weights (not its sublayers'), in creation order, as Keras numbers them. */
  weights: LayerVariable[];
}

/** Fields of Dendrite's own classes that hold layers for bookkeeping, not as Keras attributes. */
const BOOKKEEPING = new Set(['sublayers', 'stack', 'graphLayers', 'nodes', 'inboundNodes']);

function ownWeights(layer: Layer): LayerVariable[] {
  const nested = new Set(layer.trackedLayers.flatMap((child) => child.weights));
  return layer.weights.filter((weight) => !nested.has(weight));
}

/** Keras visits attributes sorted by name, private ones (leading `_`) last. */
const attributeOrder = (name: string) => (name.startsWith('_') ? `~${name}` : name);

/**
 * Where Keras 3's `saving_lib` puts each layer's variables in `model.weights.h5` — the model's
 * own at `vars`, a Sequential's or functional model's layers under `layers/<snake_case class>`
 * (`dense`, `dense_1`, …, numbered per class), a layer's sublayers under their attribute name
 * (`lstm/cell`, `bidirectional/forward_layer/cell`) — in the order Keras visits them; each layer
 * appears once, at the first path that reaches it.
 */
export function kerasWeightPaths(model: ModelContract): SaveablePath[] {
  const visited = new Set<Layer>();
  const out: SaveablePath[] = [];
  const join = (path: string, part: string) => (path ? `${path}/${part}` : part);

  const container = (path: string, layers: readonly Layer[]) => {
    const used = new Map<string, number>();
    for (const layer of layers) {
      let name = toSnakeCase(layer.className);
      const seen = used.get(name);
      used.set(name, seen === undefined ? 0 : seen + 1);
      if (seen !== undefined) name = `${name}_${seen + 1}`;
      visit(layer, join(path, name));
    }
  };

  const visit = (layer: Layer, path: string) => {
    if (visited.has(layer)) return;
    visited.add(layer);
    out.push({ path, layer, weights: ownWeights(layer) });
    if (isContainerModel(layer)) container(join(path, 'layers'), layer.layers);
    const attributes: Array<[string, Layer | Layer[]]> = [];
    for (const [key, value] of Object.entries(layer)) {
      if (BOOKKEEPING.has(key)) continue;
      if (value instanceof Layer) attributes.push([toSnakeCase(key), value]);
      else if (Array.isArray(value) && value.some((item) => item instanceof Layer)) attributes.push([toSnakeCase(key), value.filter((item) => item instanceof Layer)]);
    }
    // A subclassed model also shows Keras its `layers` list.
    if (layer === model && !isContainerModel(layer)) attributes.push(['layers', model.layers]);
    attributes.sort(([a], [b]) => (attributeOrder(a) < attributeOrder(b) ? -1 : attributeOrder(a) > attributeOrder(b) ? 1 : 0));
    for (const [name, value] of attributes) {
      if (Array.isArray(value)) container(join(path, name), value);
      else visit(value, join(path, name));
    }
  };
  visit(model, '');
  return out;
}
