import { type Layer, type Shape, activations } from '@dendrite/layers';
import { pythonShape } from '../summary';

/** What a layer's box shows, as Keras's `make_layer_label` arguments. */
export interface LayerLabelOptions {
  showLayerNames: boolean;
  showShapes: boolean;
  showDtype: boolean;
  showLayerActivations: boolean;
  showTrainable: boolean;
}

/** The shapes and dtype a layer's box shows, from its call in the plotted model (`undefined`: unknown, shown as `?`). */
export interface LayerIo {
  inputShape?: Shape | Shape[];
  outputShape?: Shape | Shape[];
  outputDtype?: string;
}

/** Text escaped for a Graphviz HTML-like label. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const cell = (content: string, attributes = 'bgcolor="white"') => `<td ${attributes}><font point-size="14">${content}</font></td>`;

function activationOf(layer: Layer): string | undefined {
  const activation = (layer as { activation?: unknown }).activation;
  if (typeof activation !== 'function') return undefined;
  return activations.activationName(activation as Parameters<typeof activations.activationName>[0]) ?? (activation.name || 'custom');
}

/**
 * A layer's box as Keras 3 draws it: an HTML-like table with a black title row (`name
 * (ClassName)`, or the class alone), an activation row, then one row of input shape, output
 * shape, dtype and trainable cells.
 *
 * @returns the label, `<…>` delimited, for a DOT `label=` attribute
 */
export function layerLabel(layer: Layer, io: LayerIo, options: LayerLabelOptions): string {
  const className = escapeHtml(layer.className);
  const title = options.showLayerNames ? `<b>${escapeHtml(layer.name)}</b> (${className})` : `<b>${className}</b>`;
  const columns: string[] = [];
  if (options.showShapes) {
    if (layer.className !== 'InputLayer') columns.push(cell(`Input shape: <b>${escapeHtml(shapeText(io.inputShape))}</b>`));
    columns.push(cell(`Output shape: <b>${escapeHtml(shapeText(io.outputShape))}</b>`));
  }
  if (options.showDtype) columns.push(cell(`Output dtype: <b>${escapeHtml(io.outputDtype ?? '?')}</b>`));
  if (options.showTrainable && layer.weights.length > 0) {
    columns.push(layer.trainable ? cell('<font color="white"><b>Trainable</b></font>', 'bgcolor="forestgreen"') : cell('<font color="white"><b>Non-trainable</b></font>', 'bgcolor="firebrick"'));
  }
  const colspan = Math.max(1, columns.length);
  let table = '<<table border="0" cellborder="1" bgcolor="black" cellpadding="10">';
  table += `<tr><td colspan="${colspan}" bgcolor="black"><font point-size="16" color="white">${title}</font></td></tr>`;
  const activation = options.showLayerActivations ? activationOf(layer) : undefined;
  if (activation !== undefined) table += `<tr>${cell(`Activation: <b>${escapeHtml(activation)}</b>`, `bgcolor="white" colspan="${colspan}"`)}</tr>`;
  if (columns.length > 0) table += `<tr>${columns.join('')}</tr>`;
  return `${table}</table>>`;
}

/** A shape as Keras prints it in a plot (`(None, 28, 28, 1)`, a list for several), `?` when unknown. */
function shapeText(shape: Shape | Shape[] | undefined): string {
  return shape === undefined ? '?' : pythonShape(shape);
}
