import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPERIMENTS } from './experiments/index';

interface SavedResult {
  experiment: string;
  backend: string;
  test: Record<string, number>;
  secondsPerEpoch: number;
  date: string;
}

const format = (metric: string, value: number | undefined) =>
  value === undefined ? '—' : metric.includes('acc') ? `${(value * 100).toFixed(2)}%` : value.toFixed(4);

/**
 * The seeds' results beside ours, read from the JSON files `experiment --json` wrote into
 * `directory`; experiments without a result show a dash.
 */
export function resultTable(directory: string): string {
  const results = new Map<string, SavedResult>();
  if (existsSync(directory)) {
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json'))) {
      const result = JSON.parse(readFileSync(join(directory, file), 'utf8')) as SavedResult;
      results.set(result.experiment, result);
    }
  }
  const rows = [...EXPERIMENTS.values()].flatMap((experiment) => {
    const seed = experiment.seedResult;
    const ours = results.get(experiment.name);
    // A sweep reports one metric per setting: a row each, unless the seed names the one to show.
    const metrics = seed ? [seed.metric] : Object.keys(ours?.test ?? {});
    return (metrics.length > 0 ? metrics : ['']).map((metric) => [
      experiment.name,
      metric,
      seed ? `${format(metric, seed.value)}${seed.note ? ` (${seed.note})` : ''}` : '—',
      ours ? format(metric, ours.test[metric]) : '—',
      ours ? `${ours.secondsPerEpoch.toFixed(2)} s` : '—',
      ours ? `${ours.backend}, ${ours.date.slice(0, 10)}` : '—',
    ]);
  });
  const header = ['experiment', 'metric', 'seed', 'dendrite', 's/epoch', 'run'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
