import { tf } from '@dendrite/backend';
import { InputLayer, type Layer, type Shape } from '@dendrite/layers';
import type { ModelContract } from './contracts/model-contract';

/** Options of `model.summary`. */
export interface SummaryOptions {
  /** Total width of the table (65 for Sequential, 98 for functional models, as Keras). */
  lineLength?: number;
  /** Right edges of the columns, as fractions of lineLength or in characters. */
  positions?: number[];
  /** Where to print (console.log); null prints nothing, the text is still returned. */
  printFn?: ((line: string) => void) | null;
}

/** A shape as Keras prints it: `(None, 28, 28, 1)`. */
export function pythonShape(shape: Shape | Shape[] | undefined): string {
  if (shape === undefined || shape.length === 0) return '?';
  if (Array.isArray(shape[0])) return `[${(shape as Shape[]).map(pythonShape).join(', ')}]`;
  const sizes = (shape as Shape).map((size) => (size === null ? 'None' : String(size)));
  return `(${sizes.join(', ')}${sizes.length === 1 ? ',' : ''})`;
}

/** Keras's `print_row`: each cell starts one space after the previous edge and is cut at its own. */
function row(cells: string[], positions: number[]): string {
  let line = '';
  cells.forEach((cell, index) => {
    if (index > 0) line = `${line.slice(0, -1)} `;
    line = `${line}${cell}`.slice(0, positions[index]);
    line = line.padEnd(positions[index]);
  });
  return line;
}

function countOf(weights: Array<{ shape: number[] }>): number {
  return weights.reduce((total, weight) => total + tf.util.sizeFromShape(weight.shape), 0);
}

interface SummaryRow {
  layer: Layer;
  outputShape: string;
  connectedTo?: string[];
}

function rowsOf(model: ModelContract): SummaryRow[] {
  const functional = model as ModelContract & {
    graphNodes?: ReadonlyArray<{ layer: Layer; inputs: Array<{ sourceLayer: Layer; nodeIndex: number; tensorIndex: number }>; outputs: Array<{ shape: Shape }> }>;
    inputs?: Array<{ sourceLayer: Layer; shape: Shape }>;
    outputShapes?: () => Array<Shape | Shape[]>;
  };
  if (functional.graphNodes && functional.inputs) {
    const rows: SummaryRow[] = functional.inputs.map((symbol) => ({ layer: symbol.sourceLayer, outputShape: `[${pythonShape(symbol.shape)}]`, connectedTo: [] }));
    for (const node of functional.graphNodes) {
      const shapes = node.outputs.map((output) => output.shape);
      rows.push({
        layer: node.layer,
        outputShape: pythonShape(shapes.length === 1 ? shapes[0] : shapes),
        connectedTo: node.inputs.map((input) => `${input.sourceLayer.name}[${input.nodeIndex}][${input.tensorIndex}]`),
      });
    }
    return rows;
  }
  if (functional.outputShapes) {
    const shapes = functional.outputShapes();
    return model.layers.map((layer, index) => ({ layer, outputShape: pythonShape(shapes[index]) }));
  }
  return model.layers.map((layer) => ({ layer, outputShape: layer instanceof InputLayer ? `[${pythonShape(layer.batchShape)}]` : 'multiple' }));
}

/**
 * Keras's `model.summary()` table (the Keras 2 layout, as `tf.keras` prints it).
 *
 * @throws Error when the model is not built yet (its input shape is unknown)
 */
export function formatSummary(model: ModelContract, options: SummaryOptions = {}): string {
  if (!model.built) {
    throw new Error(`Expected model "${model.name}" to be built before summary(), received an unbuilt model: give the first layer an inputShape, or call the model on data first`);
  }
  const rows = rowsOf(model);
  const withConnections = rows.some((entry) => entry.connectedTo !== undefined);
  const lineLength = options.lineLength ?? (withConnections ? 98 : 65);
  let positions = options.positions ?? (withConnections ? [0.33, 0.55, 0.67, 1] : [0.45, 0.85, 1]);
  if (positions[positions.length - 1] <= 1) positions = positions.map((p) => Math.floor(lineLength * p));
  const header = withConnections ? ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'] : ['Layer (type)', 'Output Shape', 'Param #'];
  const lines = [`Model: "${model.name}"`, '_'.repeat(lineLength), row(header, positions), '='.repeat(lineLength)];
  rows.forEach((entry, index) => {
    const connections = entry.connectedTo ?? [];
    const cells = [`${entry.layer.name} (${entry.layer.className})`, entry.outputShape, String(entry.layer.countParams())];
    if (withConnections) cells.push(connections[0] ?? '');
    lines.push(row(cells, positions));
    for (const extra of connections.slice(1)) lines.push(row(['', '', '', extra], positions));
    lines.push(index === rows.length - 1 ? '='.repeat(lineLength) : '_'.repeat(lineLength));
  });
  const total = countOf(model.weights);
  const trainable = countOf(model.trainableWeights);
  const format = (n: number) => n.toLocaleString('en-US');
  lines.push(`Total params: ${format(total)}`, `Trainable params: ${format(trainable)}`, `Non-trainable params: ${format(total - trainable)}`, '_'.repeat(lineLength));
  return lines.join('\n');
}
