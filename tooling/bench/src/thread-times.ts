/**
 * `tsx src/thread-times.ts [mlp|cnn]`: where the threads of one MNIST epoch on wasm spend their
 * time. Fits the bench's epoch after its warm-up on `THREADS=n` (default: 1, then every core) and
 * prints, per run, the wall time, the process's CPU time, and for each thread of the process
 * (grouped by name: the calling thread, V8's helpers, the kernel pool's workers) the time it ran
 * and the time it waited, runnable, for a core (Linux `/proc/self/task/<id>/schedstat`). A kernel
 * pool worker that waits long for a core holds the calling thread; V8's helpers (garbage
 * collection, compilation) compete with the workers for the cores.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { selectBackend } from '@dendrite/backend';
import type { MnistModelKind } from './mnist-models';
import { warmedMnistEpoch } from './warmed-mnist-epoch';

/** Nanoseconds run and waited (runnable) per thread id, with the thread's name. */
function schedstats(): Map<string, { name: string; ran: number; waited: number }> {
  const threads = new Map<string, { name: string; ran: number; waited: number }>();
  for (const id of readdirSync('/proc/self/task')) {
    try {
      const [ran, waited] = readFileSync(`/proc/self/task/${id}/schedstat`, 'utf8').split(' ').map(Number);
      threads.set(id, { name: readFileSync(`/proc/self/task/${id}/comm`, 'utf8').trim(), ran, waited });
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return threads;
}

const kind: MnistModelKind = process.argv[2] === 'cnn' ? 'cnn' : 'mlp';
const threads = Number(process.env.THREADS ?? availableParallelism());
const info = await selectBackend({ prefer: 'wasm', threads });
const run = await warmedMnistEpoch(kind);
for (let epoch = 0; epoch < Number(process.env.EPOCHS ?? 2); epoch++) {
  const before = schedstats();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run.epoch();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = schedstats();
  const byName = new Map<string, { count: number; ran: number; waited: number }>();
  for (const [id, now] of after) {
    const then = before.get(id) ?? { ran: 0, waited: 0 };
    // Threads that ran less than a tenth of the epoch (V8's and libuv's helpers) are grouped by name.
    const busy = now.ran - then.ran > wall * 1e5;
    const name = id === String(process.pid) ? 'main (calling thread)' : busy ? `${now.name} ${id}` : `${now.name} (others)`;
    const entry = byName.get(name) ?? { count: 0, ran: 0, waited: 0 };
    entry.count++;
    entry.ran += now.ran - then.ran;
    entry.waited += now.waited - then.waited;
    byName.set(name, entry);
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`${kind}, ${info.threads} thread(s): epoch ${(wall / 1000).toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (${((used.user + used.system) / 1000 / wall).toFixed(2)} cores), load ${load}`);
  for (const [name, entry] of [...byName].sort((a, b) => b[1].ran - a[1].ran)) {
    if (entry.ran < 1e7) continue;
    console.log(`  ${name.padEnd(24)} ×${entry.count}  ran ${(entry.ran / 1e9).toFixed(2)} s  waited for a core ${(entry.waited / 1e9).toFixed(2)} s`);
  }
}
run.dispose();
