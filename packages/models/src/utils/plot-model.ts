import { checkOptionKeys, describeValue, optionKeys, writeFileAtomic } from '@dendrite/backend/internal';
import type { Model } from '../model';
import { dotToSvg } from './dot-to-svg';
import { MODEL_TO_DOT_KEYS, type ModelToDotOptions, modelToDot } from './model-to-dot';
import { svgToPng } from './svg-to-png';

/** Options of {@link plotModel}, as Keras's `plot_model`. */
export interface PlotModelOptions extends ModelToDotOptions {
  /** Where to write the plot (Keras's `to_file`): its extension picks `.png`, `.svg` or `.dot`. Node only. */
  file?: string;
  /** Also rasterize to PNG bytes when no `.png` file is asked for (false). */
  png?: boolean;
}

/** What {@link plotModel} drew: the DOT text, the SVG, and the PNG when one was made. */
export interface ModelPlot {
  dot: string;
  svg: string;
  png?: Uint8Array;
}

const PLOT_MODEL_KEYS = [...MODEL_TO_DOT_KEYS, ...optionKeys<PlotModelOptions, ModelToDotOptions>({ file: true, png: true })];

const FILE_FORMAT = /\.(png|svg|dot)$/i;

/**
 * Draws a model's graph as Keras's `keras.utils.plot_model` does: a box per layer (class, and
 * name, shapes, dtype, activation, trainable when asked), edges along the functional graph,
 * laid out by Graphviz (WebAssembly, loaded on first use) as SVG, rasterized to PNG when a
 * `.png` file or `png: true` asks for it. Works in Node and in browsers (there without `file`:
 * show the SVG, or the PNG bytes as a Blob).
 *
 * @param model a built model
 * @param options Keras's `plot_model` arguments, camelCase; `showLayerNames` defaults to false, as Keras 3
 * @returns `{dot, svg}`, and `png` when made
 * @throws Error for an unbuilt model, an invalid option value, or a `file` not ending in `.png`, `.svg` or `.dot`
 * @throws TypeError for an unknown option key
 * @example
 * ```ts
 * await dn.utils.plotModel(model, { file: 'model.png', showShapes: true, showLayerNames: true });
 * const { svg } = await dn.utils.plotModel(model, { rankdir: 'LR' });
 * ```
 */
export async function plotModel(model: Model, options: PlotModelOptions = {}): Promise<ModelPlot> {
  checkOptionKeys(options, PLOT_MODEL_KEYS, 'plotModel');
  const { file, png, ...dotOptions } = options;
  if (file !== undefined && (typeof file !== 'string' || !FILE_FORMAT.test(file))) {
    throw new Error(`Expected file to be a path ending in .png, .svg or .dot for plotModel, received ${describeValue(file)}`);
  }
  const dot = modelToDot(model, { showLayerNames: false, ...dotOptions });
  const svg = await dotToSvg(dot);
  const format = file?.toLowerCase().match(FILE_FORMAT)?.[1];
  const plot: ModelPlot = { dot, svg };
  if (format === 'png' || png === true) plot.png = await svgToPng(svg);
  if (file !== undefined) await writeFileAtomic(file, format === 'png' ? plot.png! : format === 'svg' ? svg : dot, 'for plotModel to write files');
  return plot;
}
