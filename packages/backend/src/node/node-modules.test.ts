import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { nodeModules, writeFileAtomic, writeFileAtomicSync } from './node-modules';

it('writes through a temporary name, making the folder, and leaves nothing behind on failure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-atomic-'));
  await writeFileAtomic(join(dir, 'a', 'model.json'), '{"x":1}');
  writeFileAtomicSync(join(dir, 'b.bin'), new Uint8Array([1, 2]));
  expect(readFileSync(join(dir, 'a', 'model.json'), 'utf8')).toBe('{"x":1}');
  expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2]);
  // Renaming over a folder fails: the temporary file is removed and the folder stays.
  await expect(writeFileAtomic(join(dir, 'a'), 'no')).rejects.toThrow();
  expect(() => writeFileAtomicSync(join(dir, 'a'), 'no')).toThrow();
  expect(readdirSync(dir).sort()).toEqual(['a', 'b.bin']);
  expect(existsSync(join(dir, 'a', 'model.json'))).toBe(true);
  rmSync(dir, { recursive: true, force: true });
});

it('says what needs Node where there is none', () => {
  const processObject = process as { getBuiltinModule?: unknown };
  const original = processObject.getBuiltinModule;
  processObject.getBuiltinModule = undefined;
  try {
    expect(() => nodeModules('to read ZIP archives')).toThrow('Expected Node.js (≥ 20.16) to read ZIP archives, received a runtime without node:fs (a browser?)');
  } finally {
    processObject.getBuiltinModule = original;
  }
});

it("names temporaries .<file>.dendrite-tmp-<pid>-<n> and removes a dead process's on the next write to the same file", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-atomic-'));
  // A pid no process has (above Linux's pid_max), as a SIGKILLed save leaves it; and one of a live process.
  const deadPid = 4_194_305;
  writeFileSync(join(dir, `.model.keras.dendrite-tmp-${deadPid}-3`), 'half');
  writeFileSync(join(dir, `model.keras.tmp-${deadPid}-1700000000000-abc`), 'half, older name');
  writeFileSync(join(dir, `.model.keras.dendrite-tmp-${process.ppid}-1`), 'a live writer');
  writeFileSync(join(dir, `.other.keras.dendrite-tmp-${deadPid}-1`), 'another file');
  await writeFileAtomic(join(dir, 'model.keras'), 'whole');
  expect(readdirSync(dir).sort()).toEqual([`.model.keras.dendrite-tmp-${process.ppid}-1`, `.other.keras.dendrite-tmp-${deadPid}-1`, 'model.keras']);
  writeFileSync(join(dir, `.other.keras.dendrite-tmp-${deadPid}-2`), 'half');
  writeFileAtomicSync(join(dir, 'other.keras'), 'whole');
  expect(readdirSync(dir).sort()).toEqual([`.model.keras.dendrite-tmp-${process.ppid}-1`, 'model.keras', 'other.keras']);
  rmSync(dir, { recursive: true, force: true });
});
