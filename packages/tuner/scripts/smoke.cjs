// Loads the built package as plain Node CommonJS would.
const assert = require('node:assert/strict');
const { HyperParameters, stratifiedKFold, Objective } = require('@dendrite/tuner');
const { redisConnection } = require('@dendrite/tuner/distributed');

const hp = new HyperParameters();
assert.equal(hp.int('units', { minValue: 8, maxValue: 64, step: 8 }), 8);
assert.deepEqual(stratifiedKFold([0, 0, 1, 1], { nSplits: 2 }).map((split) => [...split.test]), [[0, 2], [1, 3]]);
assert.equal(String(new Objective('val_loss', 'min')), 'Objective(name="val_loss", direction="min")');
assert.equal(redisConnection('redis://127.0.0.1:6380').port, 6380);
console.log('CJS build: HyperParameters, stratifiedKFold, Objective and the distributed entry');
