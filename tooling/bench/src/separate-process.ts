import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a child bench process reports. */
export interface ChildResult {
  seconds: number[];
  peakRssMb: number;
  threads: number;
}

/**
 * Runs `src/<script>` under tsx in a new Node process and returns the JSON of its last output
 * line: each library is timed in a process of its own, with its own tfjs-core and its own heap.
 *
 * @throws Error naming the script and its stderr when it fails
 */
export function runChild(script: string, args: string[]): Promise<ChildResult> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`Expected ${script} ${args.join(' ')} to print its result, received exit ${code}: ${stderr.slice(-400)}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

/** Why the PyTorch column is skipped, or undefined when `python3 -c 'import torch'` works. */
export function pytorchMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error) return `python3 not found (${probe.error.message})`;
  if (probe.status !== 0) return `python3 -c 'import torch' fails: ${probe.stderr.trim().split('\n').pop()} (apt-get install python3-torch)`;
  return undefined;
}
