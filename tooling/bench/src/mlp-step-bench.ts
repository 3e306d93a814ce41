import { installWasmKernels, selectBackend, setSeed, tf, uninstallWasmKernels, type BackendName } from '@dendrite/backend';
import { formatTable, measure } from './measure';

const BATCH = 128;
const SIZES = [784, 128, 128, 10];

/** One Adam training step of an MLP 784-128-128-10 (relu, softmax crossentropy) in plain tfjs-core. */
async function millisecondsPerStep(): Promise<number> {
  setSeed(1);
  const weights = SIZES.slice(1).flatMap((units, layer) => [
    tf.variable(tf.randomNormal([SIZES[layer], units], 0, Math.sqrt(2 / SIZES[layer]))),
    tf.variable(tf.zeros([units])),
  ]);
  const optimizer = tf.train.adam(0.001);
  const x = tf.randomUniform([BATCH, 784]);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
  const step = () => {
    const loss = optimizer.minimize(() => {
      let activation: tf.Tensor = x;
      for (let layer = 0; layer < weights.length / 2; layer++) {
        const last = layer === weights.length / 2 - 1;
        activation = tf.fused.matMul({
          a: activation as tf.Tensor2D,
          b: weights[2 * layer] as tf.Tensor2D,
          bias: weights[2 * layer + 1],
          activation: last ? 'linear' : 'relu',
        });
      }
      return tf.losses.softmaxCrossEntropy(y, activation) as tf.Scalar;
    }, true);
    loss?.dataSync();
    loss?.dispose();
  };
  const milliseconds = await measure(step, { minMilliseconds: 1500 });
  optimizer.dispose();
  tf.dispose([...weights, x, y]);
  return milliseconds;
}

/** ms per MLP training step on wasm (stock kernels and Dendrite's) and cpu. */
export async function mlpStepBench(): Promise<string> {
  const rows: string[][] = [];
  const run = async (backend: BackendName, label: string, stockKernels: boolean) => {
    await selectBackend({ prefer: backend });
    if (stockKernels) uninstallWasmKernels();
    try {
      return { label, milliseconds: await millisecondsPerStep() };
    } finally {
      if (stockKernels) installWasmKernels();
    }
  };
  const stock = await run('wasm', 'wasm, stock tfjs kernels', true);
  const ours = await run('wasm', 'wasm, dendrite kernels', false);
  const cpu = await run('cpu', 'cpu', false);
  for (const result of [stock, ours, cpu]) {
    rows.push([result.label, result.milliseconds.toFixed(2), `${(stock.milliseconds / result.milliseconds).toFixed(2)}×`]);
  }
  return formatTable(['MLP 784-128-128-10, Adam, batch 128', 'ms/step', 'speed-up vs stock wasm'], rows);
}
