// The user's own @tensorflow/tfjs-core and Dendrite's must be one instance.
import * as tf from '@tensorflow/tfjs-core';
import * as dn from 'dendrite';

await dn.selectBackend({ prefer: 'cpu' });
const sameEngine = tf.engine() === dn.tf.engine();
const userTensor = tf.tensor1d([1, 2, 3]);
const sum = dn.tf.sum(userTensor).dataSync()[0];
console.log(JSON.stringify({ sameEngine, backend: tf.getBackend(), sum, version: tf.version_core }));
