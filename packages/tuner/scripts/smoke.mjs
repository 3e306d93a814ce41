// Loads the built package as plain Node ESM would: a seeded random search on a tiny model, the worker command's help.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { selectBackend } from '@dendrite/backend';
import { dense } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { RandomSearch, kFold } from '@dendrite/tuner';
import { queueName } from '@dendrite/tuner/distributed';

await selectBackend({ prefer: 'cpu' });
const buildModel = (hp) => {
  const model = sequential({ layers: [dense({ units: hp.int('units', { minValue: 1, maxValue: 4 }), inputShape: [1] }), dense({ units: 1 })] });
  model.compile({ optimizer: 'sgd', loss: 'mse' });
  return model;
};
const tuner = new RandomSearch(buildModel, { objective: 'loss', maxTrials: 2, seed: 1 });
await tuner.search([[0], [1], [2], [3]], [[1], [3], [5], [7]], { epochs: 2, verbose: 0 });
assert.equal(tuner.oracle.getBestTrials(2).length, 2);
assert.deepEqual([...kFold(5, { nSplits: 2 })[0].test], [0, 1, 2]);
assert.equal(queueName('housing'), 'dendrite-tuner-housing');
const help = execFileSync(process.execPath, [new URL('../dist/cli.js', import.meta.url).pathname, '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
assert.match(help, /^Usage: dendrite-tuner worker --redis/);
console.log('ESM build: a random search of 2 trials, kFold, the distributed entry and the worker command');
