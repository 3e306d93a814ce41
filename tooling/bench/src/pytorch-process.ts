/** The PyTorch CPU column of the epoch benches: `python/mnist_epoch.py` in a process of its own. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MnistModelKind } from './mnist-models';
import { type ChildResult, runJsonProcess } from './separate-process';

/** Pythons tried in order: the one first on PATH (pyenv's, here without torch), then Debian's, where `python3-torch` installs. */
const PYTHONS = ['python3', '/usr/bin/python3'];
const SCRIPT = fileURLToPath(new URL('../python/mnist_epoch.py', import.meta.url));

/** A python that imports torch, or why the PyTorch column is skipped. */
export type TorchPython = { python: string } | { missing: string };

/** The first of `python3`, `/usr/bin/python3` where `import torch` works, or why none does. */
export function findTorchPython(): TorchPython {
  const reasons: string[] = [];
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.error) reasons.push(`${python} not found`);
    else if (probe.status !== 0) reasons.push(`${python} -c 'import torch' fails (${probe.stderr.trim().split('\n').pop()})`);
    else return { python };
  }
  return { missing: `${reasons.join('; ')}; Debian: apt-get install python3-torch` };
}

/**
 * Times `epochs` one-epoch fits of `kind` on the first `rows` rows of the bench's data file in
 * PyTorch with `threads` threads. `torch.set_num_threads` sizes PyTorch's OpenMP pool but not the
 * pool of a pthreads OpenBLAS (Debian's default libblas), which starts one thread per core unless
 * told: both are told through the environment, so a one-thread run is one thread. The OpenMP wait
 * policy is left as a user has it (`OMP_WAIT_POLICY` passes through).
 */
export function runPytorchEpochs(python: string, kind: MnistModelKind, dataFile: string, epochs: number, threads: number, rows: number): Promise<ChildResult> {
  const count = String(threads);
  const env = { ...process.env, OMP_NUM_THREADS: count, OPENBLAS_NUM_THREADS: count, MKL_NUM_THREADS: count };
  return runJsonProcess(python, [SCRIPT, kind, dataFile, String(epochs), count, String(rows)], env);
}
