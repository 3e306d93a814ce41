import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { loadModel } from '@dendrite/models';

const PACKAGE_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The stages of a round, in order: each kill lands inside one, in turn (`save <stage>` marks where the child is). */
const STAGES = ['keras', 'h5', 'json', 'dndr', 'fit'] as const;
/** One kill per stage in the suite; `pnpm crash-test` (DENDRITE_CRASH_KILLS=20) runs four per stage. */
const KILLS = Math.max(STAGES.length, Number(process.env.DENDRITE_CRASH_KILLS ?? STAGES.length));
const dir = mkdtempSync(path.join(tmpdir(), 'dendrite-crash-'));
const FILES = ['model.keras', 'model.h5', 'json', 'model.dndr'];

beforeAll(() => useBackend('cpu'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fixed-seed generator (mulberry32), so the kill points are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A started child: its pid, a promise of its next `save <stage>` line, and its SIGKILL. */
interface Child {
  pid: number;
  reached: (stage: string) => Promise<void>;
  kill: () => Promise<void>;
}

/** Starts `crash-saves-child.ts` (saving round after round from `firstRound`); resolves once a round is done. */
function startChild(firstRound: number): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/register-source-hooks.mjs', 'test/crash-saves-child.ts', dir, String(firstRound)], {
    cwd: PACKAGE_FOLDER,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  let seen = 0;
  const reached = (stage: string) =>
    new Promise<void>((resolve) => {
      seen = output.length;
      const onData = () => {
        if (!output.slice(seen).includes(`save ${stage}\n`)) return;
        child.stdout.off('data', onData);
        resolve();
      };
      child.stdout.on('data', onData);
    });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (/^round \d+$/m.test(output)) {
        child.stdout.off('data', onData);
        resolve({ pid: child.pid!, reached, kill: async () => (child.kill('SIGKILL'), exited) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`Expected the saving child to finish a round, received its exit with:\n${output}`)));
  });
}

/** Loads every saved file: each must load, its weights all one round's number, of the parity its model's name says. */
async function expectWholeFiles(): Promise<void> {
  for (const file of FILES) {
    const model = await loadModel(path.join(dir, file));
    const weights = model.getWeights();
    const values = weights.flatMap((weight) => [...weight.dataSync()]);
    tf.dispose(weights);
    const round = values[0];
    expect(values.every((value) => value === round), `${file}: weights of one save`).toBe(true);
    expect(model.name, `${file}: the model of round ${round}`).toBe(round % 2 === 0 ? 'even' : 'odd');
    model.dispose();
  }
  const checkpoint = await loadModel(path.join(dir, 'checkpoint.keras'));
  expect(checkpoint.countParams()).toBe(58);
  checkpoint.dispose();
}

const temporaries = (pid?: number) =>
  [dir, path.join(dir, 'json')].flatMap((folder) => (existsSync(folder) ? readdirSync(folder) : [])).filter((name) => name.includes(pid === undefined ? '.dendrite-tmp-' : `.dendrite-tmp-${pid}-`));

it(`leaves a loadable last save of every format (.keras, .h5, model.json, .dndr, a fit's checkpoint) through ${KILLS} SIGKILLs, each inside one of them, and no temporary file past the next save`, async () => {
  const random = seededRandom(19);
  let killedPid: number | undefined;
  for (let kill = 0; kill < KILLS; kill++) {
    const child = await startChild(kill * 1000);
    // The killed child's temporaries are gone once this one has saved every file.
    if (killedPid !== undefined) expect(temporaries(killedPid)).toEqual([]);
    // Inside (or just past) the stage's save: a few milliseconds after its line, drawn from the fixed seed.
    await child.reached(STAGES[kill % STAGES.length]);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 25)));
    await child.kill();
    killedPid = child.pid;
    await expectWholeFiles();
  }
  // One more save of each file, in this process: nothing of the killed children is left.
  for (const file of [...FILES, 'checkpoint.keras']) {
    const model = await loadModel(path.join(dir, file));
    await model.save(file === 'json' ? path.join(dir, 'json', 'model.json') : path.join(dir, file));
    model.dispose();
  }
  expect(temporaries()).toEqual([]);
  expect(readdirSync(path.join(dir, 'json')).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
}, 600_000);
