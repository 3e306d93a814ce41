import { existsSync } from 'node:fs';

/**
 * Whether a folder of `../shared` (the data sets and model files laid beside the clone) is here.
 * Outside CI a missing folder lets the suites that need it be skipped (a clone elsewhere has no
 * `shared/`); under CI (`CI` set), where `shared/` is always laid beside the clone, a missing folder
 * is an error, so no case is skipped in silence there.
 *
 * @param folder the absolute path looked for
 * @throws Error under CI when `folder` is missing
 */
export function sharedFolderPresent(folder: string): boolean {
  if (existsSync(folder)) return true;
  if (process.env.CI) throw new Error(`Expected the shared folder ${folder} beside the clone (CI lays ../shared there), received nothing`);
  return false;
}

/** What {@link skipWithoutSharedFolder} needs of vitest's test context. */
export interface SkippableContext {
  skip(condition: boolean, note?: string): void;
}

/**
 * Skips the running test when `folder` of `../shared` is missing outside CI, with the reason in
 * the report (`↓ loads iris … [needs …/shared/datasets, absent outside CI]`); under CI a missing
 * folder fails the test ({@link sharedFolderPresent}). Call it first in the test, or in a
 * `beforeEach` for a whole suite.
 *
 * @param context the test context vitest passes to the test function
 * @param folder the absolute path the test reads
 * @example
 * ```ts
 * it('loads iris from shared/datasets', async (context) => {
 *   skipWithoutSharedFolder(context, SHARED);
 *   …
 * });
 * ```
 */
export function skipWithoutSharedFolder(context: SkippableContext, folder: string): void {
  context.skip(!sharedFolderPresent(folder), `needs ${folder}, absent outside CI (CI lays ../shared beside the clone)`);
}
