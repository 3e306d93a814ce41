// Loads the built package as plain Node ESM would and checks gradients, chained ops and selection.
import assert from 'node:assert/strict';
import { selectBackend, tf } from '@dendrite/backend';

const info = await selectBackend({ prefer: ['wasm', 'cpu'] });
const x = tf.tensor1d([1, -2, 3]);
assert.deepEqual(tf.grad((v) => tf.sum(tf.square(tf.relu(v))))(x).arraySync(), [2, 0, 6]);
assert.equal(x.square().sum().arraySync(), 14);
console.log(`ESM build: gradients and chained ops on ${info.name}`);
