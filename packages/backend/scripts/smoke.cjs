// Loads the built package as plain Node CommonJS would and checks gradients, chained ops and selection.
const assert = require('node:assert/strict');
const { selectBackend, tf } = require('@dendrite/backend');

selectBackend({ prefer: 'cpu' }).then((info) => {
  const x = tf.tensor1d([1, -2, 3]);
  assert.deepEqual(tf.grad((v) => tf.sum(tf.square(tf.relu(v))))(x).arraySync(), [2, 0, 6]);
  assert.equal(x.square().sum().arraySync(), 14);
  console.log(`CJS build: gradients and chained ops on ${info.name}`);
});
