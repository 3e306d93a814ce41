import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** How a plot's axes read: what one step of the history is, and a y scale for values far apart. */
export interface PlotAxes {
  /** The x axis's title: `epoch` (the default), or `candidate` for a search's scores. */
  xTitle?: string;
  /** `symlog` when one value is orders of magnitude from the rest (a diverged candidate). */
  yScale?: 'linear' | 'symlog';
}

/**
 * Learning curves as the seeds' matplotlib charts draw them — accuracy and loss per epoch, train
 * against validation (one line per setting for sweeps) — rendered by Vega-Lite to SVG, or to PNG
 * through resvg.
 */
export async function plotHistory(history: Record<string, number[]>, title: string, file: string, axes: PlotAxes = {}): Promise<void> {
  const rows: Array<{ epoch: number; value: number; series: string; metric: string }> = [];
  const split = Object.keys(history).some((key) => key.includes('val_'));
  for (const [key, values] of Object.entries(history)) {
    const validation = key.includes('val_');
    const metric = /acc/.test(key) ? 'accuracy' : /loss|mae|mse/.test(key) ? key.replace(/^(.*_)?val_/, '').replace(/^.*_(loss|mae|mse)$/, '$1') : key;
    const series = `${key.replace(/val_/, '').replace(/(_?)(accuracy|acc|loss|mae|mse)$/, '') || 'model'} ${split ? (validation ? 'validation' : 'train') : ''}`.trim();
    values.forEach((value, epoch) => rows.push({ epoch: epoch + 1, value, series, metric }));
  }
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    data: { values: rows },
    facet: { column: { field: 'metric', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 320,
      height: 240,
      mark: { type: 'line', point: rows.length < 200 },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: axes.xTitle ?? 'epoch' },
        y: { field: 'value', type: 'quantitative', title: null, scale: axes.yScale === 'symlog' ? { type: 'symlog' } : { zero: false } },
        color: { field: 'series', type: 'nominal', title: null },
      },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  if (file.endsWith('.png')) {
    const { Resvg } = await import('@resvg/resvg-js');
    writeFileSync(file, new Resvg(svg, { background: 'white' }).render().asPng());
  } else if (file.endsWith('.svg')) {
    writeFileSync(file, svg);
  } else {
    throw new Error(`Expected --plot to name an .svg or .png file, received "${file}"`);
  }
}
