import { checkOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { Layer, Shape } from '@dendrite/layers';
import { Functional } from '../functional';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { type LayerIo, type LayerLabelOptions, layerLabel } from './layer-label';

/** Options of {@link modelToDot}, as Keras's `model_to_dot`. */
export interface ModelToDotOptions {
  /** Show each layer's input and output shapes (false). */
  showShapes?: boolean;
  /** Show each layer's output dtype (false). */
  showDtype?: boolean;
  /** Show layer names beside their class (true here; `plotModel` defaults to false, as Keras). */
  showLayerNames?: boolean;
  /** Graph direction: `'TB'` top to bottom (default), `'LR'` left to right, `'BT'`, `'RL'`. */
  rankdir?: 'TB' | 'LR' | 'BT' | 'RL';
  /** Draw nested Functional and Sequential models as dashed clusters of their layers (false). */
  expandNested?: boolean;
  /** Resolution, dots per inch (200): the size of the drawing. */
  dpi?: number;
  /** Show the activation of layers that have one (false). */
  showLayerActivations?: boolean;
  /** Mark layers with weights trainable or not (false). */
  showTrainable?: boolean;
  /** Graphviz edge routing: `'ortho'` (default, right angles), `'spline'`, `'polyline'`, `'line'`, `'curved'`. */
  splines?: 'ortho' | 'spline' | 'polyline' | 'line' | 'curved';
}

/** The keys {@link modelToDot} reads. */
export const MODEL_TO_DOT_KEYS = optionKeys<ModelToDotOptions>({
  showShapes: true, showDtype: true, showLayerNames: true, rankdir: true, expandNested: true, dpi: true, showLayerActivations: true, showTrainable: true, splines: true,
});

const RANKDIRS = ['TB', 'LR', 'BT', 'RL'];
const SPLINES = ['ortho', 'spline', 'polyline', 'line', 'curved'];

/** A DOT string literal. */
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const isContainer = (layer: Layer): layer is Functional | Sequential => layer instanceof Functional || layer instanceof Sequential;

/** One DOT graph being written: node ids by layer, statements, edges without repeats. */
class DotWriter {
  readonly lines: string[] = [];
  private readonly ids = new Map<Layer, string>();
  private readonly taken = new Set<string>();
  private readonly edges = new Set<string>();

  constructor(
    readonly label: LayerLabelOptions,
    readonly expandNested: boolean,
  ) {}

  /** A layer's node id: its name, made unique if two layers share one. */
  idOf(layer: Layer): string {
    let id = this.ids.get(layer);
    if (id === undefined) {
      id = layer.name;
      for (let count = 2; this.taken.has(id); count++) id = `${layer.name}#${count}`;
      this.ids.set(layer, id);
      this.taken.add(id);
    }
    return id;
  }

  node(layer: Layer, io: LayerIo, indent: string): void {
    this.lines.push(`${indent}${quote(this.idOf(layer))} [label=${layerLabel(layer, io, this.label)}, fontname="Helvetica", margin=0];`);
  }

  /** An edge from the layer making a tensor to the layer reading it, through expanded models to real layers. */
  edge(source: Layer, tensorIndex: number, destination: Layer, inputIndex: number): void {
    if (this.expandNested) {
      ({ layer: source } = innermostSource(source, tensorIndex));
      destination = innermostDestination(destination, inputIndex);
    }
    const statement = `  ${quote(this.idOf(source))} -> ${quote(this.idOf(destination))} [penwidth=2];`;
    if (!this.edges.has(statement)) this.edges.add(statement);
  }

  edgeLines(): string[] {
    return [...this.edges];
  }
}

/** The real layer making output `tensorIndex` of a (possibly nested) model. */
function innermostSource(layer: Layer, tensorIndex: number): { layer: Layer; tensorIndex: number } {
  while (isContainer(layer)) {
    if (layer instanceof Functional) {
      const symbol = layer.outputs[tensorIndex];
      [layer, tensorIndex] = [symbol.sourceLayer, symbol.tensorIndex];
    } else {
      [layer, tensorIndex] = [layer.layers[layer.layers.length - 1], 0];
    }
  }
  return { layer, tensorIndex };
}

/** The real layer reading input `inputIndex` of a (possibly nested) model: a Functional's InputLayer, a Sequential's first layer. */
function innermostDestination(layer: Layer, inputIndex: number): Layer {
  while (isContainer(layer)) {
    if (layer instanceof Functional) layer = layer.inputs[inputIndex].sourceLayer;
    else [layer, inputIndex] = [layer.layers[0], 0];
  }
  return layer;
}

const oneOrList = (shapes: Shape[]): Shape | Shape[] => (shapes.length === 1 ? shapes[0] : shapes);
const known = (shape: Shape | Shape[] | undefined) => (shape === undefined || shape.length === 0 ? undefined : shape);

/** Each layer's shapes and dtype, from its first call in the model (Functional) or the chain (Sequential). */
function layerIos(model: Model): Map<Layer, LayerIo> {
  const ios = new Map<Layer, LayerIo>();
  if (model instanceof Functional) {
    for (const symbol of model.inputs) ios.set(symbol.sourceLayer, { outputShape: symbol.shape, outputDtype: symbol.dtype });
    for (const node of model.graphNodes) {
      if (ios.has(node.layer)) continue;
      const inputs = node.inputs.map((symbol) => symbol.shape);
      ios.set(node.layer, { inputShape: node.inputIsList ? inputs : inputs[0], outputShape: oneOrList(node.outputs.map((symbol) => symbol.shape)), outputDtype: node.outputs[0]?.dtype });
    }
  } else if (model instanceof Sequential) {
    const outputs = model.outputShapes();
    let input: Shape | Shape[] | undefined = model.inputShapes?.[0];
    model.layers.forEach((layer, index) => {
      ios.set(layer, { inputShape: known(input), outputShape: known(outputs[index]), outputDtype: layer.dtype });
      input = outputs[index];
    });
  }
  return ios;
}

/** Writes a model's nodes (clusters for expanded nested models) and its edges. */
function writeModel(model: Model, writer: DotWriter, indent: string): void {
  if (!(model instanceof Functional) && !(model instanceof Sequential)) {
    // Subclassed models are one box, as Keras draws them.
    writer.node(model, { inputShape: model.inputShapes?.length === 1 ? model.inputShapes[0] : model.inputShapes, outputDtype: model.dtype }, indent);
    return;
  }
  const ios = layerIos(model);
  for (const layer of model.layers) {
    if (writer.expandNested && isContainer(layer)) {
      writer.lines.push(`${indent}subgraph ${quote(`cluster_${writer.idOf(layer)}`)} {`, `${indent}  graph [label=${quote(layer.name)}, labeljust="l", style="dashed"];`);
      writeModel(layer, writer, `${indent}  `);
      writer.lines.push(`${indent}}`);
    } else {
      writer.node(layer, ios.get(layer) ?? {}, indent);
    }
  }
  if (model instanceof Sequential) {
    model.layers.slice(1).forEach((layer, index) => writer.edge(model.layers[index], 0, layer, 0));
    return;
  }
  for (const node of model.graphNodes) {
    node.inputs.forEach((symbol, inputIndex) => writer.edge(symbol.sourceLayer, symbol.tensorIndex, node.layer, inputIndex));
  }
}

function checkChoice(value: unknown, choices: string[], name: string): void {
  if (value !== undefined && !choices.includes(value as string)) {
    throw new Error(`Expected ${name} to be one of ${choices.map((choice) => `'${choice}'`).join(', ')}, received ${describeValue(value)}`);
  }
}

/**
 * A model's graph in Graphviz's DOT language, as Keras's `keras.utils.model_to_dot` draws it:
 * a box per layer (name and class, optional shapes, dtype, activation, trainable), edges along
 * the functional graph (a chain for Sequential), nested models as one box or, with
 * `expandNested`, as dashed clusters of their layers. A subclassed model is one box.
 *
 * @param model a built model
 * @param options as Keras's `model_to_dot` arguments, camelCase
 * @returns the DOT text (lay it out with {@link plotModel} or any Graphviz)
 * @throws Error for an unbuilt model or an invalid `rankdir`, `splines` or `dpi`
 * @throws TypeError for an unknown option key
 * @example
 * ```ts
 * const dot = modelToDot(model, { showShapes: true, rankdir: 'LR' });
 * ```
 */
export function modelToDot(model: Model, options: ModelToDotOptions = {}): string {
  checkOptionKeys(options, MODEL_TO_DOT_KEYS, 'modelToDot');
  if (!model.built) {
    throw new Error(`Expected model "${model.name}" to be built before plotting, received an unbuilt model: give the first layer an inputShape, or call the model on data first`);
  }
  checkChoice(options.rankdir, RANKDIRS, 'rankdir');
  checkChoice(options.splines, SPLINES, 'splines');
  const dpi = options.dpi ?? 200;
  if (typeof dpi !== 'number' || !(dpi > 0) || !Number.isFinite(dpi)) throw argumentError(dpi, 'number', `Expected dpi to be a positive number, received ${describeValue(dpi)}`);
  const writer = new DotWriter(
    {
      showLayerNames: options.showLayerNames ?? true,
      showShapes: options.showShapes ?? false,
      showDtype: options.showDtype ?? false,
      showLayerActivations: options.showLayerActivations ?? false,
      showTrainable: options.showTrainable ?? false,
    },
    options.expandNested ?? false,
  );
  writeModel(model, writer, '  ');
  return [
    `digraph ${quote(model.name)} {`,
    `  graph [rankdir=${quote(options.rankdir ?? 'TB')}, concentrate=true, dpi=${dpi}, splines=${quote(options.splines ?? 'ortho')}];`,
    '  node [shape="record"];',
    ...writer.lines,
    ...writer.edgeLines(),
    '}',
    '',
  ].join('\n');
}
