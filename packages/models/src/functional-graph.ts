import { InputLayer, type Layer, type LayerNode, type SymbolicTensor } from '@dendrite/layers';

/** The nodes that make a node's inputs. */
function parentNodes(node: LayerNode): LayerNode[] {
  return node.inputs.map((symbol) => symbol.sourceLayer.inboundNodes[symbol.nodeIndex]);
}

/**
 * The layers in Keras's order (`ops/function.py: map_graph`): by depth from the outputs, deepest
 * (the inputs) first; layers of equal depth in the order a depth-first walk back from the outputs
 * first reaches them. Saved weights (`.keras`, `.h5`) and `model.weights` follow this order, so
 * it must be Keras's exactly.
 */
function kerasLayerOrder(inputs: SymbolicTensor[], postOrder: LayerNode[], reachOrder: Map<Layer, number>): Layer[] {
  const nodeDepth = new Map<LayerNode, number>();
  const layerDepth = new Map<Layer, number>();
  for (const node of [...postOrder].reverse()) {
    const depth = Math.max(nodeDepth.get(node) ?? 0, layerDepth.get(node.layer) ?? 0);
    layerDepth.set(node.layer, depth);
    nodeDepth.set(node, depth);
    for (const parent of parentNodes(node)) nodeDepth.set(parent, Math.max(depth + 1, nodeDepth.get(parent) ?? 0));
  }
  for (const symbol of inputs) {
    if (layerDepth.has(symbol.sourceLayer)) continue;
    layerDepth.set(symbol.sourceLayer, 0);
    reachOrder.set(symbol.sourceLayer, -1);
  }
  return [...layerDepth.keys()].sort((a, b) => layerDepth.get(b)! - layerDepth.get(a)! || reachOrder.get(a)! - reachOrder.get(b)!);
}

/**
 * The calls between a functional model's inputs and outputs, in an order where every node comes
 * after the nodes it depends on, and the layers in the order Keras lists them.
 *
 * @throws Error when an output cannot be reached from the given inputs ("graph disconnected")
 */
export function sortGraph(inputs: SymbolicTensor[], outputs: SymbolicTensor[]): { nodes: LayerNode[]; layers: Layer[] } {
  const inputIds = new Set(inputs.map((symbol) => symbol.id));
  const nodes: LayerNode[] = [];
  const postOrder: LayerNode[] = [];
  const reachOrder = new Map<Layer, number>();
  const visited = new Set<LayerNode>();
  const visiting = new Set<LayerNode>();
  const reach = (layer: Layer) => void (reachOrder.has(layer) || reachOrder.set(layer, reachOrder.size));

  const visit = (symbol: SymbolicTensor, path: string[]): void => {
    const node = symbol.sourceLayer.inboundNodes[symbol.nodeIndex];
    if (inputIds.has(symbol.id)) {
      if (visited.has(node)) return;
      reach(node.layer);
      visited.add(node);
      postOrder.push(node);
      return;
    }
    if (node.layer instanceof InputLayer) {
      throw new Error(
        `Graph disconnected: cannot reach ${symbol.name} (from input layer "${node.layer.name}") from the model's inputs ` +
          `[${inputs.map((s) => s.name).join(', ')}]; it is needed by ${path.length > 0 ? path.join(' ← ') : 'the outputs'}`,
      );
    }
    if (visited.has(node)) return;
    if (visiting.has(node)) throw new Error(`Expected an acyclic graph, received a cycle through layer "${node.layer.name}"`);
    reach(node.layer);
    visiting.add(node);
    for (const parent of node.inputs) visit(parent, [node.layer.name, ...path]);
    visiting.delete(node);
    visited.add(node);
    nodes.push(node);
    postOrder.push(node);
  };
  for (const output of outputs) visit(output, []);
  return { nodes, layers: kerasLayerOrder(inputs, postOrder, reachOrder) };
}
