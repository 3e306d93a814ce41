import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selectBackend, tf } from '@dendrite/backend';
import { beforeAll, expect, it } from 'vitest';
import { RandomSearch, type OracleState } from '../src/index';
import { buildModel, loadData } from './fixtures/search-module';
import { startChild } from './process-helpers';

beforeAll(async () => {
  await selectBackend({ prefer: 'cpu' });
});

it('overwrite: false resumes a search killed with SIGKILL, never repeating a finished trial', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'dendrite-tuner-killed-'));
  const child = startChild(['test/fixtures/resumable-search.ts', directory]);
  // The initial build, then trials 0, 1 and 2: kill while the third trial trains.
  await waitForBuilds(child, 4);
  child.process.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
  const saved = JSON.parse(readFileSync(path.join(directory, 'killed/oracle.json'), 'utf8')) as OracleState;
  const finished = saved.trials.filter((trial) => trial.status === 'COMPLETED');
  expect(finished.length).toBeGreaterThanOrEqual(2);
  expect(saved.trials.some((trial) => trial.status === 'RUNNING')).toBe(true);

  const before = tf.memory().numTensors;
  const built: string[] = [];
  const { x, y, fitOptions } = loadData();
  const tuner = new RandomSearch((hp) => (built.push(JSON.stringify(hp.values)), buildModel(hp)), { objective: 'val_loss', maxTrials: 6, seed: 21, directory, projectName: 'killed' });
  await tuner.search(x, y, fitOptions);
  const trials = [...tuner.oracle.trials.values()];
  expect(trials.map((trial) => trial.trialId)).toEqual(['0', '1', '2', '3', '4', '5']);
  expect(trials.every((trial) => trial.status === 'COMPLETED')).toBe(true);
  // No finished trial was built again; every other trial was built once.
  expect(built).toHaveLength(6 - finished.length);
  for (const trial of finished) {
    expect(built).not.toContain(JSON.stringify(trial.values));
    expect(tuner.oracle.trials.get(trial.trialId)!.score).toBe(trial.score);
  }
  expect(tf.memory().numTensors).toBe(before);
}, 120_000);

async function waitForBuilds(child: ReturnType<typeof startChild>, count: number): Promise<void> {
  while (child.lines.filter((line) => line.startsWith('build ')).length < count) {
    if (child.process.exitCode !== null) throw new Error(`Expected the search to build ${count} models before it ended, received:\n${child.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
