// @dendrite/layers with @dendrite/backend, without the umbrella.
import { selectBackend, tf } from '@dendrite/backend';
import * as layers from '@dendrite/layers';

const info = await selectBackend();
const dense = layers.dense({ units: 2, activation: 'relu' });
const output = dense.apply(tf.ones([5, 3]));
console.log(JSON.stringify({ backend: info.name, shape: output.shape, weights: dense.getWeights().length }));
