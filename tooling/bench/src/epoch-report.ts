/** The table and ratio lines of an MNIST epoch section, from the runs' results. */
import { formatTable } from './measure';
import type { ChildResult } from './separate-process';

/** One timed process of a section. */
export interface EpochRun {
  library: 'tfjs-layers' | 'dendrite' | 'pytorch';
  /** How the data reached the library: two uploaded tensors, or `{values, shape}` host arrays. */
  feed: 'tensors' | 'host arrays';
  /** Threads asked for; the result says how many ran. */
  threads: number;
  result?: ChildResult;
  /** Why the process failed, when it did. */
  failure?: string;
}

/** The goals issue 20 sets on this 2-core machine, shown beside the ratios. */
export interface EpochGoals {
  overTfjsLayers?: string;
  overPytorch: string;
  threadsSpeedUp: string;
  rssOverPytorch?: string;
}

const LABELS = { 'tfjs-layers': 'tfjs-layers 4.22, stock wasm', dendrite: 'dendrite, wasm', pytorch: 'PyTorch CPU' };

/** The faster timed epoch of `run`, or undefined when it has none. */
export function bestSeconds(run: EpochRun | undefined): number | undefined {
  const seconds = run?.result?.seconds ?? [];
  return seconds.length > 0 ? Math.min(...seconds) : undefined;
}

const ratio = (numerator: number | undefined, denominator: number | undefined, digits = 2) =>
  numerator === undefined || denominator === undefined ? '—' : `${(numerator / denominator).toFixed(digits)}×`;

function secondsCell(run: EpochRun): string {
  if (run.failure) return `failed: ${run.failure.slice(0, 70)}`;
  if (run.result?.error) return 'cannot train';
  const seconds = run.result?.seconds ?? [];
  return `${bestSeconds(run)!.toFixed(2)} s (${seconds.map((value) => value.toFixed(2)).join(', ')})`;
}

/**
 * The section's table (one row per run: seconds, peak RSS, speed-up over tfjs-layers, time over
 * PyTorch's at as many threads) and its ratio lines, each measured in this one run.
 */
export function epochReport(title: string, runs: EpochRun[], goals: EpochGoals, cores: number): string {
  const find = (library: EpochRun['library'], threads: number, feed: EpochRun['feed'] = 'tensors') =>
    runs.find((run) => run.library === library && run.threads === threads && run.feed === feed);
  const tfjsLayers = bestSeconds(find('tfjs-layers', 1));
  const pytorchAt = (threads: number) => bestSeconds(find('pytorch', threads));
  const rows = runs.map((run) => {
    const seconds = bestSeconds(run);
    const isDendrite = run.library === 'dendrite';
    return [
      LABELS[run.library],
      run.feed,
      String(run.result?.threads ?? run.threads),
      secondsCell(run),
      run.result ? `${run.result.peakRssMb} MB` : '—',
      run.library === 'tfjs-layers' ? (tfjsLayers === undefined ? '—' : '1.0×') : isDendrite ? ratio(tfjsLayers, seconds, 1) : '—',
      isDendrite ? ratio(seconds, pytorchAt(run.threads)) : run.library === 'pytorch' ? '1.00×' : '—',
    ];
  });
  const header = ['run', 'feed', 'threads', 'seconds: best (each)', 'peak RSS', 'speed-up vs tfjs-layers', 'time vs PyTorch'];
  const lines = [title, '', formatTable(header, rows), ''];
  const dendrite1 = bestSeconds(find('dendrite', 1));
  const dendriteN = bestSeconds(find('dendrite', cores));
  const theirs = find('tfjs-layers', 1);
  if (cores > 1) {
    lines.push(`Threads 1 → ${cores}: Dendrite ${ratio(dendrite1, dendriteN)}, PyTorch ${ratio(pytorchAt(1), pytorchAt(cores))} (goal for Dendrite ${goals.threadsSpeedUp}; only as good as the cores this machine leaves free).`);
    const pytorchN = pytorchAt(cores);
    if (pytorchN !== undefined && pytorchN > (pytorchAt(1) ?? Infinity) && !process.env.OMP_WAIT_POLICY) {
      lines.push('PyTorch is slower on more threads: its OpenMP threads spin while they wait, which starves the others on a busy machine (OMP_WAIT_POLICY=passive stops that).');
    }
  } else {
    lines.push('Threads 1 against N: one core here, nothing to compare.');
  }
  if (theirs?.result?.error) lines.push(`Dendrite against tfjs-layers on wasm: tfjs-layers cannot train this model on its stock wasm kernels (${theirs.result.error.slice(0, 80)}).`);
  else lines.push(`Dendrite against tfjs-layers on wasm: ${ratio(tfjsLayers, dendrite1, 1)} faster on 1 thread${cores > 1 ? `, ${ratio(tfjsLayers, dendriteN, 1)} on ${cores}` : ''} (goal ${goals.overTfjsLayers ?? '—'}; tfjs-layers' stock wasm runs one thread in Node).`);
  lines.push(`Dendrite against PyTorch CPU: ${ratio(dendrite1, pytorchAt(1))} PyTorch's time on 1 thread${cores > 1 ? `, ${ratio(dendriteN, pytorchAt(cores))} on ${cores}` : ''} (goal ${goals.overPytorch}).`);
  const host = find('dendrite', 1, 'host arrays');
  const pytorch1 = find('pytorch', 1);
  if (host?.result) {
    const rss = (run: EpochRun | undefined) => run?.result?.peakRssMb;
    lines.push(
      `Peak RSS, one thread: Dendrite fed host arrays ${rss(host)} MB, fed tensors ${rss(find('dendrite', 1)) ?? '—'} MB, tfjs-layers ${rss(theirs) ?? '—'} MB, PyTorch ${rss(pytorch1) ?? '—'} MB; ` +
        `host arrays ${ratio(rss(host), rss(pytorch1))} PyTorch's (goal ${goals.rssOverPytorch ?? '—'}).`,
    );
  }
  return lines.join('\n');
}
