import type { Layer } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { kerasWeightPaths } from './keras-weight-paths';

/** A layer with files beside its weights, as Keras's `save_assets` / `load_assets` (lookup vocabularies). */
interface AssetLayer {
  saveAssets(): Record<string, string> | null;
  loadAssets(files: Record<string, string>): void;
  assetNames(): string[];
}

function hasAssets(layer: Layer): layer is Layer & AssetLayer {
  const candidate = layer as Partial<AssetLayer>;
  return typeof candidate.saveAssets === 'function' && typeof candidate.loadAssets === 'function' && typeof candidate.assetNames === 'function';
}

/**
 * The `assets/<layer path>/<file>` entries of a `.keras` archive, laid out as Keras 3's
 * `saving_lib` writes them (the layer path is the weight store's: `layers/string_lookup`).
 */
export function kerasAssetEntries(model: ModelContract): Array<[string, Uint8Array]> {
  const entries: Array<[string, Uint8Array]> = [];
  for (const { path, layer } of kerasWeightPaths(model)) {
    if (!hasAssets(layer)) continue;
    for (const [name, text] of Object.entries(layer.saveAssets() ?? {})) entries.push([`assets/${path ? `${path}/` : ''}${name}`, new TextEncoder().encode(text)]);
  }
  return entries;
}

/**
 * Gives each layer with assets the files the archive holds for it (a layer whose vocabulary is in
 * its config has none, as Keras).
 *
 * @param read the archive's entries among the names asked
 */
export function loadKerasAssets(model: ModelContract, read: (names: string[]) => Map<string, Uint8Array>): void {
  const wanted = kerasWeightPaths(model).filter(({ layer }) => hasAssets(layer)).map(({ path, layer }) => ({ prefix: `assets/${path ? `${path}/` : ''}`, layer: layer as Layer & AssetLayer }));
  if (wanted.length === 0) return;
  const files = read(wanted.flatMap(({ prefix, layer }) => layer.assetNames().map((name) => prefix + name)));
  for (const { prefix, layer } of wanted) {
    const own = Object.fromEntries(layer.assetNames().filter((name) => files.has(prefix + name)).map((name) => [name, new TextDecoder().decode(files.get(prefix + name))]));
    if (Object.keys(own).length > 0) layer.loadAssets(own);
  }
}
