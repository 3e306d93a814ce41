import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend/internal';
import { Layer } from './layer';

/** A layer class as the registry needs it: its Keras name and a way to rebuild it. */
export interface LayerClass {
  className: string;
  fromConfig(config: Record<string, unknown>): Layer;
}

const layers = new ObjectRegistry<Layer>('layer', (value): value is Layer => value instanceof Layer);
const classes = new Map<string, LayerClass>();

/**
 * Registers a layer class under its Keras class name (and aliases), so that configs naming it
 * can be rebuilt. Built-in layers register themselves; custom layers call this once.
 *
 * @example
 * ```ts
 * class Scale extends Layer { static override className = 'Scale'; … }
 * registerLayer(Scale);
 * ```
 */
export function registerLayer(layerClass: LayerClass, aliases: readonly string[] = []): void {
  layers.register(layerClass.className, (config) => layerClass.fromConfig(config), aliases);
  classes.set(layerClass.className, layerClass);
}

/**
 * Every registered layer class by its Keras class name (aliases left out), built-in and custom.
 *
 * @example
 * ```ts
 * registeredLayerClasses().get('Dense') === Dense; // true
 * ```
 */
export function registeredLayerClasses(): ReadonlyMap<string, LayerClass> {
  return classes;
}

/** `{class_name, config}` of a layer, as Keras serializes it. */
export function serializeLayer(layer: Layer): KerasSerialized {
  return { class_name: layer.className, config: layer.getConfig() };
}

/**
 * Rebuilds a layer from `{class_name, config}`; never evaluates code.
 *
 * @throws Error for a class name nobody registered, listing the known ones
 */
export function deserializeLayer(serialized: KerasSerialized): Layer {
  return layers.get(serialized);
}

/** Whether a layer class name is registered. */
export function isLayerRegistered(className: string): boolean {
  return layers.has(className);
}
