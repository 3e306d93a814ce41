import type { SimdFunction } from './simd-module';
import type { Code } from './simd-loops';

/** A value type (`I32`, `F32`, `V128`) for one slot, or one per slot of a numbered group. */
export type SlotDeclaration = number | readonly number[];

/** Named parameters or locals, in the order they are numbered. */
export type SlotDeclarations = Readonly<Record<string, SlotDeclaration>>;

/** The wasm index of each declared name: a number, or an array of numbers for a group. */
export type Slots<Declared extends SlotDeclarations> = {
  readonly [Name in keyof Declared]: Declared[Name] extends readonly number[] ? readonly number[] : number;
};

/**
 * One function of a SIMD module with named parameters and locals: the builder numbers them —
 * parameters first, then locals, each in the order of its object's keys — and hands the numbers
 * to `body`, so that no code spells a slot as a bare index.
 *
 * @param name the export's name
 * @param declared the parameters' and locals' value types, by name (a group: one type per slot)
 * @param body the function's instructions, given every slot's index by name
 * @returns the function as {@link encodeSimdModule} takes it
 * @example
 * ```ts
 * const fill = simdFunction('fill', { params: { out: I32, bytes: I32 }, locals: { offset: I32 } }, ({ out, bytes, offset }) =>
 *   countUp(offset, bytes, [op.get(out), op.get(offset), op.i32Add, op.v128Const0, op.v128Store], 16));
 * ```
 */
export function simdFunction<Params extends SlotDeclarations, Locals extends SlotDeclarations>(
  name: string,
  declared: { params: Params; locals: Locals },
  body: (slots: Slots<Params> & Slots<Locals>) => Code,
): SimdFunction {
  const slots: Record<string, number | readonly number[]> = {};
  const types: number[] = [];
  const number = (group: SlotDeclarations) => {
    for (const [slotName, declaration] of Object.entries(group)) {
      if (slotName in slots) throw new Error(`Expected each slot name once in SIMD function "${name}", received "${slotName}" twice`);
      if (typeof declaration === 'number') {
        slots[slotName] = types.length;
        types.push(declaration);
      } else {
        slots[slotName] = declaration.map((type) => types.push(type) - 1);
      }
    }
  };
  number(declared.params);
  const parameterCount = types.length;
  number(declared.locals);
  return {
    name,
    params: types.slice(0, parameterCount),
    locals: types.slice(parameterCount),
    body: body(slots as Slots<Params> & Slots<Locals>),
  };
}
