import type { PooledKernels } from '../threads/pooled-kernels';

/** Bytes of a product's right operand above which a pooled product takes one part per thread. */
export const MAX_SHARED_RIGHT_BYTES = 512 << 10;

/**
 * The parts a pooled product with a `depth × columns` right operand is cut into (by rows of its
 * output). Every part reads all of the right operand, a sixteen-column panel at a time, so one
 * that outgrows a core's cache (a filter gradient's 4 096 patch rows, 4.7 MB) is read from memory
 * once per part: one part per thread then (cut into the pool's eight parts, the MNIST CNN's second
 * filter gradient took 1.5× longer on two threads than on one); else the pool's few per thread.
 *
 * @example
 * ```ts
 * pool.run(matMulModule(), 'matmul', splitRange(rows, partsFor(pool, depth, columns), 2).map(rowsFrom), matmul);
 * ```
 */
export const partsFor = (pool: PooledKernels, depth: number, columns: number): number => (depth * columns * 4 > MAX_SHARED_RIGHT_BYTES ? pool.threads : pool.parts);
