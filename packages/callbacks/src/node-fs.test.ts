import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, writeTextAtomic } from './node-fs';
import { useTempDirs } from '@dendrite/test-utils';

const tempDir = useTempDirs('callbacks');

describe('node-fs', () => {
  it('writes text atomically, creating the folder and leaving no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'sub', 'meta.json');
    writeTextAtomic(file, '{"a":1}', 'Test');
    writeTextAtomic(file, '{"a":2}', 'Test');
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['meta.json']);
  });

  it('names the callback when node:fs is missing', () => {
    const processObject = process as { getBuiltinModule?: unknown };
    const original = processObject.getBuiltinModule;
    processObject.getBuiltinModule = undefined;
    try {
      expect(() => nodeFs('TensorBoard')).toThrow('Expected Node.js (≥ 20.16) for TensorBoard, which writes files, received a runtime without node:fs (a browser?)');
    } finally {
      processObject.getBuiltinModule = original;
    }
  });
});
