// Loads the built package as plain Node CommonJS would and checks gradients, chained ops and selection,
// and that `@dendrite/backend/internal` shares the main entry's state (one custom-object scope).
const assert = require('node:assert/strict');
const { selectBackend, tf, withCustomObjects } = require('@dendrite/backend');
const { findCustomObject, describeValue } = require('@dendrite/backend/internal');

selectBackend({ prefer: 'cpu' }).then((info) => {
  const x = tf.tensor1d([1, -2, 3]);
  assert.deepEqual(tf.grad((v) => tf.sum(tf.square(tf.relu(v))))(x).arraySync(), [2, 0, 6]);
  assert.equal(x.square().sum().arraySync(), 14);
  function MyLayer() {}
  assert.equal(withCustomObjects({ MyLayer }, () => findCustomObject('MyLayer', () => true)), MyLayer);
  assert.equal(describeValue('relu'), '"relu"');
  console.log(`CJS build: gradients and chained ops on ${info.name}; /internal loads beside it`);
});
