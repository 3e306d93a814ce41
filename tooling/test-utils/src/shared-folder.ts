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
