/**
 * `tsx src/kernel-times.ts [mlp] [cnn]`: where one thread's MNIST epoch on wasm spends its time,
 * kernel by kernel, as Markdown tables to paste into the README. Each model fits the bench's epoch
 * (the MLP on 60 000 rows, the CNN on the first {@link CNN_ROWS}; 80 % train, 20 % validation,
 * batch 128, Adam, fed tensors) after the bench's warm-up, with every registered kernel wrapped in a
 * timer (no profiler, whose own costs skew small kernels; the wrapper adds well under a microsecond
 * a call). Kernels called by kernels count in their caller. The last row is the epoch's time outside
 * any kernel: batching, the gradient tape, metrics, callbacks. `TOP=n` rows per table (default 15);
 * `SHAPES=1` splits each kernel by its input shapes; `THREADS=n` runs on n threads (default 1); `EPOCHS=n` times n epochs and prints the last.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { selectBackend, tf } from '@dendrite/backend';
import { CNN_ROWS } from './epoch-timing';
import type { MnistModelKind } from './mnist-models';
import { warmedMnistEpoch } from './warmed-mnist-epoch';

const TOP = Number(process.env.TOP ?? 15);
const THREADS = Number(process.env.THREADS ?? 1);
const EPOCHS = Number(process.env.EPOCHS ?? 1);
const BY_SHAPES = process.env.SHAPES === '1';

/** Milliseconds and calls per kernel, filled while {@link recording} is on. */
const totals = new Map<string, { calls: number; ms: number }>();
let recording = false;
let depth = 0;

/** Wraps every wasm kernel: the registry keeps these config objects, so replacing kernelFunc times every later call. */
function wrapKernels(): void {
  for (const config of tf.getKernelsForBackend('wasm') as Array<KernelConfig & { kernelFunc: KernelFunc }>) {
    const kernel = config.kernelFunc;
    config.kernelFunc = (args: Parameters<KernelFunc>[0]) => {
      if (!recording) return kernel(args);
      depth++;
      const start = performance.now();
      try {
        return kernel(args);
      } finally {
        depth--;
        if (depth === 0) {
          const shapes = BY_SHAPES ? ` ${Object.values(args.inputs as Record<string, TensorInfo>).map((input) => `[${input?.shape ?? ""}]`).join('')}` : '';
          const entry = totals.get(config.kernelName + shapes) ?? { calls: 0, ms: 0 };
          entry.calls++;
          entry.ms += performance.now() - start;
          totals.set(config.kernelName + shapes, entry);
        }
      }
    };
  }
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');

/** One epoch of `kind` with the kernels timed, as a heading and a Markdown table. */
async function kernelTable(kind: MnistModelKind): Promise<string> {
  const run = await warmedMnistEpoch(kind);
  let epochMs = 0;
  // Each epoch replaces the last one's totals: later epochs run on warmer JIT code.
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    totals.clear();
    recording = true;
    const start = performance.now();
    await run.epoch();
    epochMs = performance.now() - start;
    recording = false;
  }
  run.dispose();

  const sorted = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const inKernels = sorted.reduce((sum, [, entry]) => sum + entry.ms, 0);
  const percent = (ms: number) => `${((100 * ms) / epochMs).toFixed(1)} %`;
  const line = (name: string, calls: number | string, ms: number) => `| ${name} | ${typeof calls === 'number' ? thousands(calls) : calls} | ${thousands(ms)} | ${percent(ms)} |`;
  const rest = sorted.slice(TOP);
  const title =
    kind === 'mlp'
      ? 'MLP 784-128-128-10, one epoch (48 000 + 12 000 validation)'
      : `CNN, one epoch of the first ${thousands(CNN_ROWS)} images (${thousands(CNN_ROWS * 0.8)} + ${thousands(CNN_ROWS * 0.2)} validation)`;
  return [
    `#### ${title}, wasm, ${info.threads} thread${info.threads === 1 ? '' : 's'}: ${(epochMs / 1000).toFixed(2)} s`,
    '',
    '| kernel | calls | ms | % of epoch |',
    '| --- | ---: | ---: | ---: |',
    ...sorted.slice(0, TOP).map(([name, entry]) => line(name, entry.calls, entry.ms)),
    ...(rest.length > 0 ? [line(`${rest.length} other kernels`, rest.reduce((sum, [, entry]) => sum + entry.calls, 0), rest.reduce((sum, [, entry]) => sum + entry.ms, 0))] : []),
    line('outside kernels (batching, tape, metrics, callbacks)', '', epochMs - inKernels),
  ].join('\n');
}

const info = await selectBackend({ prefer: 'wasm', threads: THREADS });
wrapKernels();
const asked = process.argv.slice(2).filter((word): word is MnistModelKind => word === 'mlp' || word === 'cnn');
const kinds: MnistModelKind[] = asked.length > 0 ? asked : process.env.MODEL === 'cnn' ? ['cnn'] : ['mlp', 'cnn'];
console.log(`<!-- tsx src/kernel-times.ts ${kinds.join(' ')}: ${info.name}, ${info.threads} thread${info.threads === 1 ? '' : 's'}, ${new Date().toISOString().slice(0, 16)} UTC -->`);
for (const kind of kinds) console.log(`\n${await kernelTable(kind)}`);
