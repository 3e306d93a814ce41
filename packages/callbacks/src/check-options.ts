/**
 * Checks shared by the callbacks' constructors; each Error names the option, the callback, what
 * was expected and what was received.
 */

/**
 * An integer ≥ 0 (patience, cooldown, a frequency in epochs).
 *
 * @throws Error `Expected <name> to be an integer ≥ 0 in <owner>, received <value>`
 */
export function checkCount(value: number, name: string, owner: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Expected ${name} to be an integer ≥ 0 in ${owner}, received ${value}`);
  return value;
}

/**
 * A save frequency: `'epoch'` or an integer ≥ 1 (batches).
 *
 * @throws Error `Expected saveFreq to be 'epoch' or an integer ≥ 1 in <owner>, received <value>`
 */
export function checkSaveFreq(value: 'epoch' | number | undefined, owner: string): 'epoch' | number {
  const saveFreq = value ?? 'epoch';
  if (saveFreq !== 'epoch' && !(Number.isInteger(saveFreq) && saveFreq > 0)) {
    throw new Error(`Expected saveFreq to be 'epoch' or an integer ≥ 1 in ${owner}, received ${JSON.stringify(value)}`);
  }
  return saveFreq;
}
