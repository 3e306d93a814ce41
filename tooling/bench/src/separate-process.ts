import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a child bench process reports (the Node children and the PyTorch script alike). */
export interface ChildResult {
  /** Seconds of each timed epoch; empty when the library could not train the model. */
  seconds: number[];
  peakRssMb: number;
  threads: number;
  /** Why the library could not train the model (tfjs-layers' stock wasm on the CNN). */
  error?: string;
  /** The PyTorch script's `torch.__version__` and the BLAS library its process mapped. */
  torch?: string;
  blas?: string;
}

/**
 * Runs `command args` and returns the JSON of its last output line.
 *
 * @throws Error naming the command and the end of its stderr when it fails or prints no JSON
 */
export function runJsonProcess<T = ChildResult>(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`Expected ${[command, ...args].join(' ')} to print its result, received exit ${code}: ${stderr.slice(-400)}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

/**
 * Runs `src/<script>` under tsx in a new Node process and returns the JSON of its last output
 * line: each library is timed in a process of its own, with its own tfjs-core and its own heap.
 *
 * @throws Error naming the script and its stderr when it fails
 */
export function runChild<T = ChildResult>(script: string, args: string[]): Promise<T> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return runJsonProcess<T>(process.execPath, ['--import', 'tsx', path, ...args]);
}
