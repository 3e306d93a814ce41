import { type CustomObjects } from '@dendrite/backend';
import { type DecompressionLimits, optionKeys } from '@dendrite/backend/internal';

/** Options of `loadModel`, as Keras's `load_model(filepath, custom_objects, compile)`. */
export interface LoadModelOptions {
  /**
   * The user classes (layers, losses, metrics, initializers, regularizers, constraints,
   * optimizers, schedules) and loss or metric functions the file names, by that name:
   * `{ MyLayer, myLoss }`. They take precedence over the registry, for this load only.
   */
  customObjects?: CustomObjects;
  /** Whether to compile the model as it was saved (default `true`); `false` loads it uncompiled. */
  compile?: boolean;
  /**
   * How far a `.keras` archive may decompress: `maxBytes` in all (default 1 GiB) and `maxRatio`
   * output bytes per archive byte (default 200; 16 MiB are always allowed). A file beyond them is
   * refused before it is inflated further — raise them for a model that really is that large.
   */
  decompressionLimits?: DecompressionLimits;
}

/** The keys `loadModel` reads from its options. */
export const LOAD_MODEL_OPTION_KEYS = optionKeys<LoadModelOptions>({ customObjects: true, compile: true, decompressionLimits: true });
