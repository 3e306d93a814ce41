import * as dn from 'dendrite';
import { element, onModelChange } from './app-state';

/** The Model panel: `model.summary()` as Keras prints it, and the graph from `dn.utils.plotModel` (SVG). */
export function mountModelPanel(root: HTMLElement): void {
  const summary = element('#model-summary', root);
  const graph = element('#model-graph', root);
  onModelChange(async ({ model }) => {
    summary.textContent = model.summary({ printFn: null });
    graph.textContent = 'Laying out the graph…';
    try {
      const { svg } = await dn.utils.plotModel(model, { showShapes: true });
      graph.innerHTML = svg.slice(svg.indexOf('<svg'));
    } catch (error) {
      graph.textContent = `plotModel failed: ${(error as Error).message}`;
    }
  });
}
