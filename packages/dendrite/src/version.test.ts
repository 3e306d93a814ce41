import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as dn from 'dendrite';

it("is the dendrite package.json's version, beside tfjs-core's", () => {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(dn.version).toBe(packageJson.version);
  expect(dn.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(typeof dn.tf.version_core).toBe('string');
});
