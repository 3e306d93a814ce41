import { op } from './simd-module';

/** Instructions of a SIMD module's function body, as `encodeSimdModule` takes them. */
export type Code = ReadonlyArray<number | readonly number[]>;

/**
 * `for (counter = 0; counter < limit; counter += step) body` over two i32 locals, as instructions.
 *
 * @param counter the local counted up from 0
 * @param limit the local (unsigned) it stops at
 * @param body the loop's body, which must not branch out of it
 * @param step what the counter goes up by (1)
 * @example
 * ```ts
 * const body = countUp(ROW, ROWS, [...rowBody]);
 * ```
 */
export const countUp = (counter: number, limit: number, body: Code, step = 1): Code => [
  op.i32Const(0), op.set(counter),
  op.block, op.loop,
  op.get(counter), op.get(limit), op.i32GeU, op.brIf(1),
  ...body,
  op.get(counter), op.i32Const(step), op.i32Add, op.set(counter),
  op.br(0),
  op.end, op.end,
];
