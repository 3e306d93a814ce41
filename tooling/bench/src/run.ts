/**
 * `pnpm bench`: Dendrite against stock tfjs on the same backend, measured in one run and printed
 * as ratios. Nothing here asserts: speed lives here, not in the tests.
 */
import { browserMnistEpochBench } from './browser-epoch-bench';
import { matmulBench } from './matmul-bench';
import { mlpStepBench } from './mlp-step-bench';
import { mnistCnnEpochBench, mnistMlpEpochBench } from './mnist-epoch-bench';

const sections: Array<[string, () => Promise<string>]> = [
  ['Matmul on wasm (GFLOP/s)', matmulBench],
  ['Training step', mlpStepBench],
  ['MNIST MLP epoch against tfjs-layers and PyTorch', mnistMlpEpochBench],
  ['MNIST CNN epoch against tfjs-layers and PyTorch', mnistCnnEpochBench],
  ['Browser: MNIST MLP epoch in Chromium against tfjs-layers', browserMnistEpochBench],
];

const only = process.argv.slice(2);
for (const [title, bench] of sections) {
  if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n## ${title}\n`);
  console.log(await bench());
}
