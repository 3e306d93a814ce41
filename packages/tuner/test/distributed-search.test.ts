/**
 * The distributed search end to end: a real redis-server on a free loopback port, two
 * `dendrite-tuner worker` processes, a chief. One worker is SIGKILLed mid-trial, the chief is
 * killed and restarted; every trial still completes exactly once, and the best trial is the one
 * a single-process search with the same seed finds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selectBackend } from '@dendrite/backend';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RandomSearch, type OracleState } from '../src/index';
import { buildModel, loadData } from './fixtures/search-module';
import { freePort, startChild, type Child } from './process-helpers';

let redis: ChildProcess | undefined;
let redisUrl: string;
const children: Child[] = [];

beforeAll(async () => {
  await selectBackend({ prefer: 'cpu' });
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    redis!.once('error', (error) => reject(new Error(`Expected redis-server on the PATH (.ci/run installs Debian's redis-server), received ${error.message}`)));
    redis!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
  });
  redisUrl = `redis://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  redis?.kill('SIGTERM');
});

function worker(project: string): Child {
  const child = startChild(['src/cli.ts', 'worker', '--redis', redisUrl, '--project', project, '--module', 'test/fixtures/search-module.ts', '--backend', 'cpu', '--lock-duration', '3000']);
  children.push(child);
  return child;
}

it('runs every trial exactly once across workers, through a killed worker and a restarted chief', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'dendrite-tuner-distributed-'));
  const project = 'housing';
  const first = worker(project);
  const second = worker(project);
  let chief = startChild(['test/fixtures/distributed-chief.ts', redisUrl, directory, project]);
  children.push(chief);
  // Kill the first worker while it trains, then the chief once it has recorded a trial.
  await first.waitForLine(/trial \S+ started/);
  first.process.kill('SIGKILL');
  await chief.waitForLine(/^recorded /);
  chief.process.kill('SIGKILL');
  await chief.exited;
  chief = startChild(['test/fixtures/distributed-chief.ts', redisUrl, directory, project]);
  children.push(chief);
  await chief.waitForLine(/^chief finished$/);
  const state = JSON.parse(readFileSync(path.join(directory, project, 'oracle.json'), 'utf8')) as OracleState;
  expect(state.trials.map((trial) => trial.status)).toEqual(Array(4).fill('COMPLETED'));
  // Each trial's completion was reported once, by whichever worker finished it.
  const completions = [...first.lines, ...second.lines].map((line) => /trial (\S+) completed/.exec(line)?.[1]).filter((id): id is string => id !== undefined);
  expect(completions.sort()).toEqual(['0', '1', '2', '3']);
  const killedTrial = /trial (\S+) started/.exec(first.lines.find((line) => / started/.test(line))!)![1];
  expect(second.lines.some((line) => line.includes(`trial ${killedTrial} started (attempt`))).toBe(true);

  // The same search in one process, once the distributed one is done: fit never yields to the event
  // loop, so run meanwhile it held this process's loop for its whole length, and the kills above
  // (each waiting for a child's line) came only after it, late enough for the first worker to have
  // finished the trial it was to be killed in.
  const { x, y, fitOptions } = loadData();
  const single = new RandomSearch(buildModel, { objective: 'val_loss', maxTrials: 4, seed: 33 });
  await single.search(x, y, fitOptions);
  const best = single.oracle.getBestTrials(1)[0];
  const distributedBest = state.trials.filter((trial) => trial.status === 'COMPLETED').sort((a, b) => a.score! - b.score!)[0];
  expect(distributedBest.trialId).toBe(best.trialId);
  expect(distributedBest.values).toEqual(best.values);
  expect(distributedBest.score).toBeCloseTo(best.score!, 5);
}, 180_000);
