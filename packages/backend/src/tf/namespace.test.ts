import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { tf } from '../index';

const require = createRequire(import.meta.url);

it("tf.version holds the tfjs packages' versions, as @tensorflow/tfjs's", () => {
  const core = JSON.parse(readFileSync(require.resolve('@tensorflow/tfjs-core/package.json'), 'utf8')).version;
  const cpu = JSON.parse(readFileSync(require.resolve('@tensorflow/tfjs-backend-cpu/package.json'), 'utf8')).version;
  expect(tf.version).toEqual({ 'tfjs-core': core, 'tfjs-backend-cpu': cpu });
  expect(tf.version['tfjs-core']).toBe(tf.version_core);
});

it('keeps the rest of tfjs-core on the namespace', () => {
  expect(typeof tf.tidy).toBe('function');
  expect(typeof tf.variableGrads).toBe('function');
});
