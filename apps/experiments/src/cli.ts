/**
 * `npx pnpm@9 experiment [name] [--epochs N] [--backend wasm|cpu|native|cuda] [--json FILE]
 * [--limit N] [--verbose 0|1|2] [--plot FILE.svg|.png]`: runs one of the seeds' experiments (mnist-adam by default) and
 * prints our result beside the seed's. `--table [dir]` prints the seeds' results beside ours from
 * the `--json` files in a folder (results/ by default); `--list` names the experiments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BackendName, selectBackend, setSeed } from '@dendrite/backend';
import { EXPERIMENTS } from './experiments/index';
import { resultTable } from './result-table';
import { plotHistory } from './plot';

interface CliOptions {
  name: string;
  plot?: string;
  table?: string;
  epochs?: number;
  backend?: BackendName;
  json?: string;
  limit?: number;
  verbose: 0 | 1 | 2;
}

function parse(argv: string[]): CliOptions {
  const options: CliOptions = { name: 'mnist-adam', verbose: 1 };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`Expected a value after ${argument}, received none`);
      return next;
    };
    if (argument === '--epochs') options.epochs = Number(value());
    else if (argument === '--backend') options.backend = value() as BackendName;
    else if (argument === '--json') options.json = value();
    else if (argument === '--plot') options.plot = value();
    else if (argument === '--limit') options.limit = Number(value());
    else if (argument === '--verbose') options.verbose = Number(value()) as 0 | 1 | 2;
    else if (argument === '--list') options.name = '--list';
    else if (argument === '--table') options.table = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'results';
    else if (argument.startsWith('--')) throw new Error(`Unknown option ${argument}: expected --epochs, --backend, --json, --limit, --verbose or --list`);
    else options.name = argument;
  }
  return options;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2).filter((a) => a !== '--'));
  if (options.table !== undefined) {
    console.log(resultTable(resolve(process.cwd(), options.table)));
    return;
  }
  if (options.name === '--list') {
    for (const experiment of EXPERIMENTS.values()) console.log(`${experiment.name.padEnd(24)} ${experiment.description}`);
    return;
  }
  const experiment = EXPERIMENTS.get(options.name);
  if (!experiment) throw new Error(`Unknown experiment "${options.name}": expected one of ${[...EXPERIMENTS.keys()].join(', ')}`);
  const backend = await selectBackend(options.backend ? { prefer: options.backend } : {});
  console.log(`Backend: ${backend.name} (${backend.reason})`);
  console.log(`Experiment: ${experiment.name} — ${experiment.description}`);
  setSeed(42);
  const here = dirname(fileURLToPath(import.meta.url));
  const result = await experiment.run({
    epochs: options.epochs,
    verbose: options.verbose,
    limit: options.limit,
    searchDirs: [resolve(here, '../../../../shared/datasets')],
    backend,
  });
  const metrics = Object.entries(result.test).map(([key, value]) => `${key} ${key.includes('acc') ? `${(value * 100).toFixed(2)}%` : value.toFixed(4)}`);
  const seed = experiment.seedResult;
  const ours = seed ? result.test[seed.metric] : undefined;
  const seedText = seed ? ` | seed: ${seed.metric} ${seed.metric.includes('acc') ? `${(seed.value * 100).toFixed(2)}%` : seed.value}${seed.note ? ` (${seed.note})` : ''}` : '';
  console.log(`\n${experiment.name}: test ${metrics.join(', ')}${seedText}${ours !== undefined ? '' : ''} | ${result.secondsPerEpoch.toFixed(2)} s/epoch on ${backend.name}`);
  if (options.plot) await plotHistory(result.history, `${experiment.name} on ${backend.name}`, options.plot, result.plotAxes);
  if (options.json) {
    mkdirSync(dirname(resolve(options.json)), { recursive: true });
    writeFileSync(options.json, JSON.stringify({ experiment: experiment.name, backend: backend.name, ...result, plotAxes: undefined, date: new Date().toISOString() }, null, 2));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
