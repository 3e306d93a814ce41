import { InputLayer, type Layer, type LayerNode, type SymbolicTensor } from '@dendrite/layers';

/**
 * The calls between a functional model's inputs and outputs, in an order where every node comes
 * after the nodes it depends on, and the layers in the order Keras lists them.
 *
 * @throws Error when an output cannot be reached from the given inputs ("graph disconnected")
 */
export function sortGraph(inputs: SymbolicTensor[], outputs: SymbolicTensor[]): { nodes: LayerNode[]; layers: Layer[] } {
  const inputIds = new Set(inputs.map((symbol) => symbol.id));
  const nodes: LayerNode[] = [];
  const visited = new Set<LayerNode>();
  const visiting = new Set<LayerNode>();

  const visit = (symbol: SymbolicTensor, path: string[]): void => {
    if (inputIds.has(symbol.id)) return;
    const node = symbol.sourceLayer.inboundNodes[symbol.nodeIndex];
    if (node.layer instanceof InputLayer) {
      throw new Error(
        `Graph disconnected: cannot reach ${symbol.name} (from input layer "${node.layer.name}") from the model's inputs ` +
          `[${inputs.map((s) => s.name).join(', ')}]; it is needed by ${path.length > 0 ? path.join(' ← ') : 'the outputs'}`,
      );
    }
    if (visited.has(node)) return;
    if (visiting.has(node)) throw new Error(`Expected an acyclic graph, received a cycle through layer "${node.layer.name}"`);
    visiting.add(node);
    for (const parent of node.inputs) visit(parent, [node.layer.name, ...path]);
    visiting.delete(node);
    visited.add(node);
    nodes.push(node);
  };
  for (const output of outputs) visit(output, []);

  const layers: Layer[] = [];
  for (const symbol of inputs) if (!layers.includes(symbol.sourceLayer)) layers.push(symbol.sourceLayer);
  for (const node of nodes) if (!layers.includes(node.layer)) layers.push(node.layer);
  return { nodes, layers };
}
