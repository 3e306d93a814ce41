import { afterEach, expect, it, vi } from 'vitest';
import { sharedFolderPresent, skipWithoutSharedFolder } from './shared-folder';

const MISSING = '/nonexistent/shared/datasets';

afterEach(() => {
  vi.unstubAllEnvs();
});

it('skips with the reason outside CI when the folder is missing', () => {
  vi.stubEnv('CI', '');
  const calls: Array<[boolean, string | undefined]> = [];
  skipWithoutSharedFolder({ skip: (condition, note) => void calls.push([condition, note]) }, MISSING);
  expect(calls).toEqual([[true, expect.stringContaining(`needs ${MISSING}, absent outside CI`)]]);
  expect(sharedFolderPresent(MISSING)).toBe(false);
});

it('runs when the folder is here', () => {
  const calls: Array<[boolean, string | undefined]> = [];
  skipWithoutSharedFolder({ skip: (condition, note) => void calls.push([condition, note]) }, __dirname);
  expect(calls.map(([condition]) => condition)).toEqual([false]);
});

it('fails under CI when the folder is missing', () => {
  vi.stubEnv('CI', 'true');
  expect(() => skipWithoutSharedFolder({ skip: () => undefined }, MISSING)).toThrow(/Expected the shared folder \/nonexistent\/shared\/datasets/);
});
