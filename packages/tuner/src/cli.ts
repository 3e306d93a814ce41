/**
 * `dendrite-tuner worker --redis redis://host:6379 --project NAME --module ./search.js`: a worker
 * of a distributed search (see docs/tuner-workers.md). The module exports `buildModel(hp)` and
 * `loadData()`; the worker trains the trials the chief queues until it is stopped (SIGINT/SIGTERM
 * finish the current trial first).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { selectBackend } from '@dendrite/backend';
import { runWorker, type SearchModule } from './distributed/index';

const USAGE = 'Usage: dendrite-tuner worker --redis redis://host:6379 --project NAME --module PATH [--backend cpu|wasm|…] [--lock-duration MS]';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command !== 'worker') {
    console.error(command === undefined ? USAGE : `Unknown command "${command}".\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: { redis: { type: 'string' }, project: { type: 'string' }, module: { type: 'string' }, backend: { type: 'string' }, 'lock-duration': { type: 'string' } },
    strict: true,
  });
  if (values.redis === undefined || values.project === undefined || values.module === undefined) {
    console.error(`Expected --redis, --project and --module.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const info = await selectBackend(values.backend === undefined ? {} : { prefer: values.backend as never });
  const search = (await import(pathToFileURL(resolve(values.module)).href)) as SearchModule;
  if (typeof search.buildModel !== 'function' && typeof search.buildModel !== 'object') throw new TypeError(`Expected ${values.module} to export buildModel(hp), received ${typeof search.buildModel}`);
  if (typeof search.loadData !== 'function') throw new TypeError(`Expected ${values.module} to export loadData(), received ${typeof search.loadData}`);
  const log = (line: string) => console.log(`dendrite-tuner[${process.pid}]: ${line}`);
  const worker = await runWorker({
    redis: values.redis,
    project: values.project,
    search,
    lockDuration: values['lock-duration'] === undefined ? undefined : Number(values['lock-duration']),
    log,
  });
  log(`worker ready on ${info.name}, project ${values.project}`);
  const stop = () => void worker.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
