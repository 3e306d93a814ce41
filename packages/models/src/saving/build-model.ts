import type { KerasSerialized } from '@dendrite/backend';
import { deserializeLayer } from '@dendrite/layers';
import type { Model } from '../model';
import { compileArgsFromKeras, fromKeras3 } from './keras-v3-config';

/**
 * Builds the model of a config (Keras 3 or legacy dialect), compiles it when `compile` is given,
 * and calls `fill` to set its weights; a failure frees the half-made model.
 */
export function buildModel(config: unknown, compile: Record<string, unknown> | null | undefined, where: string, fill: (model: Model) => void): Model {
  let model: Model;
  try {
    model = deserializeLayer(fromKeras3(config) as KerasSerialized) as Model;
  } catch (error) {
    throw new Error(`Expected a model config Dendrite can build in "${where}", received one that fails: ${(error as Error).message}`);
  }
  try {
    if (compile) model.compile(compileArgsFromKeras(compile) as never);
    fill(model);
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}
