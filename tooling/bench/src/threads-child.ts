/**
 * One thread count's run of a section that compares threads, in a process of its own (the wasm
 * backend's threads are fixed at its first start in a process):
 *
 *     tsx src/threads-child.ts <matmul|step> <threads> [stock]
 *
 * Starts wasm with `threads` threads, runs the section's measurements (with `stock`, tfjs's own
 * kernels as well) and prints one JSON line, a {@link ThreadsResult}.
 */
import { selectBackend } from '@dendrite/backend';
import { matmulMeasurements } from './matmul-bench';
import { stepMeasurements } from './mlp-step-bench';

/** What a threads child reports: the threads that ran and one number per measurement. */
export interface ThreadsResult {
  threads: number;
  values: Record<string, number>;
}

const [section, threadText, stockText] = process.argv.slice(2);
const info = await selectBackend({ prefer: 'wasm', threads: Number(threadText) });
const withStock = stockText === 'stock';
const values = section === 'matmul' ? await matmulMeasurements(withStock) : await stepMeasurements(withStock);
console.log(JSON.stringify({ threads: info.threads, values } satisfies ThreadsResult));
