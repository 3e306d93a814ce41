/**
 * How the callbacks' constructors read their options: the option keys their classes declare, a
 * path given first or inside the options, a save frequency. Numeric options go through
 * `@dendrite/backend/internal`'s argument checks.
 */
import { checkOptionKeys, classOptionKeys, describeValue, expectedMessage } from '@dendrite/backend/internal';

/**
 * A save frequency: `'epoch'` or an integer ≥ 1 (batches).
 *
 * @throws RangeError `Expected saveFreq to be 'epoch' or an integer ≥ 1, received <value> in <owner>` (TypeError for neither a string nor a number)
 */
export function checkSaveFreq(value: 'epoch' | number | undefined, owner: string): 'epoch' | number {
  const saveFreq = value ?? 'epoch';
  if (saveFreq !== 'epoch' && !(Number.isInteger(saveFreq) && saveFreq > 0)) {
    const message = expectedMessage('saveFreq', "'epoch' or an integer ≥ 1", value, owner);
    throw typeof saveFreq === 'string' || typeof saveFreq === 'number' ? new RangeError(message) : new TypeError(message);
  }
  return saveFreq;
}

/**
 * Checks the keys of a callback's options against those its class declares (a static
 * `optionKeys`, joined along the class chain). A user's subclass that declares none passes its
 * own options on unchecked, as the shared mechanism has it.
 *
 * @param options - what the caller passed
 * @param declarer - the class constructed (`new.target`)
 * @param owner - the callback's name, for the error
 * @throws TypeError `Unknown option "patients" in EarlyStopping: did you mean "patience"?`
 */
export function checkCallbackOptions(options: unknown, declarer: Function, owner: string): void {
  const keys = classOptionKeys(declarer);
  if (keys !== undefined) checkOptionKeys(options, keys, owner);
}

/**
 * The path and options of a callback whose Keras signature starts with a path
 * (`ModelCheckpoint(filepath, ...)`, `CSVLogger(filename, ...)`): given first
 * (`modelCheckpoint('best.keras', { saveBestOnly: true })`) or inside the one options object
 * (`modelCheckpoint({ filepath: 'best.keras', saveBestOnly: true })`).
 *
 * @param first - the path, or the options holding it
 * @param second - the options, when the path came first
 * @param pathName - the option holding the path (`filepath`)
 * @param declarer - the class constructed (`new.target`), for the option keys
 * @param owner - the callback's name, for the errors
 * @param defaultPath - the path when none is given (TensorBoard's `'logs'`); without it a path is required
 * @throws TypeError for an unknown option key, or options given twice
 * @throws Error when the path is missing, empty or given twice
 */
export function pathAndOptions<Options extends object>(
  first: unknown,
  second: unknown,
  pathName: string,
  declarer: Function,
  owner: string,
  defaultPath?: string,
): { path: string; options: Options } {
  let path: unknown;
  let options: Options;
  if (typeof first === 'string' || (first === undefined && defaultPath !== undefined)) {
    checkCallbackOptions(second, declarer, owner);
    const given = (second ?? {}) as Record<string, unknown>;
    if (given[pathName] !== undefined) {
      throw new Error(`Expected ${pathName} once in ${owner}, received it as the first argument (${describeValue(first)}) and in the options (${describeValue(given[pathName])})`);
    }
    path = first ?? defaultPath;
    options = given as Options;
  } else if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    if (second !== undefined) throw new TypeError(`Expected the options of ${owner} in one object, received a second argument ${describeValue(second)}`);
    checkCallbackOptions(first, declarer, owner);
    path = (first as Record<string, unknown>)[pathName] ?? defaultPath;
    options = first as Options;
  } else {
    throw new Error(`Expected ${pathName} (a non-empty string) or options holding it in ${owner}, received ${describeValue(first)}`);
  }
  if (typeof path !== 'string' || path === '') throw new Error(`Expected ${pathName} to be a non-empty string in ${owner}, received ${describeValue(path)}`);
  return { path, options };
}
