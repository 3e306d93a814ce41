/** `tsx src/perf-kernel-order.ts`: the kernels of one MNIST MLP train step, in order (depth-1 calls only). */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { selectBackend, setSeed, tf } from '@dendrite/backend';
import { mnistModel, mnistTrain } from './mnist-models';
await selectBackend({ prefer: 'wasm', threads: 1 });
setSeed(1);
const { x, y } = await mnistTrain('mlp');
const model = mnistModel('mlp');
const xs = tf.tensor2d(x.values.subarray(0, 128 * 784), [128, 784]);
const ys = tf.tensor2d(y.values.subarray(0, 128 * 10), [128, 10]);
model.trainStep({ x: [xs], y: [ys] });
let depth = 0; let on = false; const order: string[] = [];
for (const cfg of tf.getKernelsForBackend('wasm') as Array<KernelConfig & { kernelFunc: KernelFunc }>) {
  const orig = cfg.kernelFunc;
  cfg.kernelFunc = (args: Parameters<KernelFunc>[0]) => {
    if (on && depth === 0) order.push(`${cfg.kernelName} ${Object.values(args.inputs as Record<string, TensorInfo>).map((t) => `[${t.shape}]`).join('')} ${JSON.stringify(args.attrs ?? {}).slice(0, 80)}`);
    depth++; try { return orig(args); } finally { depth--; }
  };
}
on = true; model.trainStep({ x: [xs], y: [ys] }); on = false;
order.forEach((line, i) => console.log(String(i).padStart(3), line));
