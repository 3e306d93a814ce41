/**
 * `dn.utils`, read like `keras.utils`: `plotModel` and `modelToDot` (from `@dendrite/models`),
 * `toCategorical` and `padSequences` (from `@dendrite/datasets`), and `setRandomSeed`
 * (`dn.setSeed`, from `@dendrite/backend`).
 *
 * @example
 * ```ts
 * await dn.utils.plotModel(model, { file: 'model.png', showShapes: true });
 * const y = dn.utils.toCategorical([2, 0, 1], 3);
 * ```
 *
 * @packageDocumentation
 */
export { plotModel, modelToDot, type PlotModelOptions, type ModelToDotOptions, type ModelPlot } from '@dendrite/models';
export { toCategorical, padSequences, type ToCategoricalOptions, type PadSequencesOptions } from '@dendrite/datasets';
export { setSeed as setRandomSeed } from '@dendrite/backend';
