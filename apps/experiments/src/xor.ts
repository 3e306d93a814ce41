import { nextSeed, tf } from '@dendrite/backend';

/** Result of {@link trainXor}. */
export interface XorResult {
  /** Mean squared error after each epoch. */
  losses: number[];
  /** The network's outputs for [0,0], [0,1], [1,0], [1,1] after training. */
  predictions: number[];
}

/**
 * Seed 001's XOR: a 2-8-1 network (tanh, sigmoid) learns XOR with Adam. Written on tfjs-core until
 * @dendrite/models exists; the experiments CLI will replace it.
 *
 * @param epochs full-batch steps
 */
export async function trainXor(epochs = 300): Promise<XorResult> {
  const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
  const y = tf.tensor2d([[0], [1], [1], [0]]);
  const w1 = tf.variable(tf.randomNormal([2, 8], 0, 1, 'float32', nextSeed()));
  const b1 = tf.variable(tf.zeros([8]));
  const w2 = tf.variable(tf.randomNormal([8, 1], 0, 1, 'float32', nextSeed()));
  const b2 = tf.variable(tf.zeros([1]));
  const optimizer = tf.train.adam(0.05);
  const forward = () => tf.sigmoid(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2));
  const lossTensors: tf.Scalar[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, forward()) as tf.Scalar, true);
    if (loss) lossTensors.push(loss);
  }
  const losses = await Promise.all(lossTensors.map(async (loss) => (await loss.data())[0]));
  tf.dispose(lossTensors);
  const predictionTensor = tf.tidy(forward);
  const predictions = Array.from(await predictionTensor.data());
  tf.dispose([predictionTensor, x, y, w1, b1, w2, b2]);
  optimizer.dispose();
  return { losses, predictions };
}
