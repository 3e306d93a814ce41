// Loads the built package as plain Node ESM would and checks gradients, chained ops and selection,
// and that `@dendrite/backend/internal` shares the main entry's state (one seed, one module copy).
import assert from 'node:assert/strict';
import { selectBackend, tf, withCustomObjects } from '@dendrite/backend';
import { describeValue, findCustomObject, optionKeys } from '@dendrite/backend/internal';

const info = await selectBackend({ prefer: ['wasm', 'cpu'] });
const x = tf.tensor1d([1, -2, 3]);
assert.deepEqual(tf.grad((v) => tf.sum(tf.square(tf.relu(v))))(x).arraySync(), [2, 0, 6]);
assert.equal(x.square().sum().arraySync(), 14);
function MyLayer() {}
assert.equal(withCustomObjects({ MyLayer }, () => findCustomObject('MyLayer', () => true)), MyLayer);
assert.equal(describeValue(1.5), '1.5');
assert.deepEqual(optionKeys({ units: true }), ['units']);
console.log(`ESM build: gradients and chained ops on ${info.name}; /internal loads beside it`);
