/**
 * The MNIST epoch sections: Dendrite against tfjs-layers as a user installs it and against
 * PyTorch CPU, every side in a process of its own reading the same data file, each with its peak RSS.
 */
import { availableParallelism, loadavg } from 'node:os';
import { CNN_ROWS } from './epoch-timing';
import { type EpochGoals, type EpochRun, epochReport } from './epoch-report';
import { MNIST_ROWS, writeMnistFile } from './mnist-data-file';
import { type MnistModelKind, mnistTrain } from './mnist-models';
import { findTorchPython, runPytorchEpochs } from './pytorch-process';
import { runChild } from './separate-process';

/** Timed epochs per process: the faster one is reported (this machine's load varies by ±30 %). */
const TIMED_EPOCHS = 2;

/** Times every run of `kind`'s section, one process after another, and formats the report. */
async function epochSection(kind: MnistModelKind, title: string, rows: number, goals: EpochGoals): Promise<string> {
  const cores = availableParallelism();
  const torch = findTorchPython();
  const runs: EpochRun[] = [
    { library: 'tfjs-layers', feed: 'tensors', threads: 1 },
    { library: 'dendrite', feed: 'tensors', threads: 1 },
    ...(kind === 'mlp' ? [{ library: 'dendrite', feed: 'host arrays', threads: 1 } as const] : []),
    ...(cores > 1 ? [{ library: 'dendrite', feed: 'tensors', threads: cores } as const] : []),
    ...('python' in torch ? [{ library: 'pytorch', feed: 'tensors', threads: 1 } as const] : []),
    ...('python' in torch && cores > 1 ? [{ library: 'pytorch', feed: 'tensors', threads: cores } as const] : []),
  ];
  const data = writeMnistFile(await mnistTrain('mlp'));
  // The 1-minute load average before each run and at the end: the times are only as good as the cores left free.
  const loads: number[] = [];
  try {
    for (const run of runs) {
      loads.push(loadavg()[0]);
      const args = [run.library, kind, data.path, String(TIMED_EPOCHS), String(run.threads), String(rows), run.feed === 'host arrays' ? 'host' : 'tensors'];
      try {
        run.result = run.library === 'pytorch' && 'python' in torch
          ? await runPytorchEpochs(torch.python, kind, data.path, TIMED_EPOCHS, run.threads, rows)
          : await runChild('epoch-child.ts', args);
      } catch (error) {
        run.failure = (error as Error).message.replace(/\s+/g, ' ');
      }
    }
  } finally {
    data.remove();
  }
  loads.push(loadavg()[0]);
  const loadNote = `Load average (1 min) while the section ran: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cores} core${cores === 1 ? '' : 's'} (above the core count, the times, the thread ratios most, are noisy).`;
  const pytorchRun = runs.find((run) => run.library === 'pytorch' && run.result);
  const torchNote =
    'missing' in torch
      ? `PyTorch column skipped: ${torch.missing}.`
      : `PyTorch ${pytorchRun?.result?.torch ?? '?'} (${torch.python}), BLAS ${pytorchRun?.result?.blas ?? '?'}; same model, Keras's Glorot init and Adam (lr 1e-3, eps 1e-7), categorical crossentropy on softmax, shuffled train rows.`;
  return [epochReport(title, runs, goals, cores), torchNote, loadNote].join('\n');
}

/**
 * One epoch of seed 000's MNIST MLP (48 000 train + 12 000 validation, batch 128, Adam; after a
 * 1 024-row warm-up, best of {@link TIMED_EPOCHS}): tfjs-layers on stock wasm, Dendrite on 1 and
 * every core fed tensors and on 1 fed host arrays, PyTorch CPU on 1 and every core.
 */
export function mnistMlpEpochBench(): Promise<string> {
  return epochSection('mlp', `MLP 784-128-128-10, one epoch (48 000 + 12 000 validation, batch 128, Adam; best of ${TIMED_EPOCHS})`, MNIST_ROWS, {
    overTfjsLayers: '≥ 10×',
    overPytorch: '≤ 1.0× on 1 thread',
    threadsSpeedUp: '≥ 1.3×',
    rssOverPytorch: '≤ 1.2×',
  });
}

/**
 * One epoch of the MNIST CNN on the first {@link CNN_ROWS} images (12 800 train + 3 200
 * validation), shaped as the MLP section: tfjs-layers (which cannot train it on stock wasm: no
 * `Conv2DBackpropFilter`), Dendrite and PyTorch on 1 and every core.
 */
export function mnistCnnEpochBench(): Promise<string> {
  return epochSection('cnn', `CNN conv32-pool-conv64-pool-dense128-dropout-dense10, one epoch of the first 16 000 images (12 800 + 3 200 validation; best of ${TIMED_EPOCHS})`, CNN_ROWS, {
    overPytorch: '≤ 0.2×',
    threadsSpeedUp: '≥ 1.6×',
  });
}
