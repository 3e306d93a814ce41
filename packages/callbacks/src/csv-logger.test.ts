import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { CSVLogger, csvLogger } from './csv-logger';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
const tempDir = useTempDirs('callbacks');

describe('CSVLogger', () => {
  it('writes the sorted header and one row per epoch, floats as Python prints them', async () => {
    const file = join(tempDir(), 'run', 'log.csv');
    await runFit([new CSVLogger(file)], [
      { loss: 0.5, accuracy: 0.8, val_loss: 0.25, val_accuracy: 1 },
      { loss: 0.00001, accuracy: 0.9, val_loss: Number.NaN, val_accuracy: 0.875 },
    ]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,accuracy,loss,val_accuracy,val_loss\n0,0.8,0.5,1.0,0.25\n1,0.9,1e-05,0.875,nan\n');
  });

  it('starts the file over by default and continues it with append (header only in an empty file)', async () => {
    const file = join(tempDir(), 'log.csv');
    writeFileSync(file, 'old content\n');
    await runFit([new CSVLogger(file)], [{ loss: 0.5 }, { loss: 0.25 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss\n0,0.5\n1,0.25\n');
    await runFit([csvLogger(file, { append: true })], [{ loss: 0.125 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss\n0,0.5\n1,0.25\n0,0.125\n');
    const fresh = join(tempDir(), 'fresh.csv');
    await runFit([csvLogger(fresh, { append: true })], [{ loss: 1.5 }]);
    expect(readFileSync(fresh, 'utf8')).toBe('epoch,loss\n0,1.5\n');
  });

  it('adds the validation columns the run will log and writes NA where an epoch lacks them', async () => {
    const file = join(tempDir(), 'log.csv');
    await runFit([new CSVLogger(file, { separator: ';' })], [{ loss: 1 }, { loss: 0.5, val_loss: 0.75 }], { params: { metrics: ['loss', 'val_loss'] } });
    expect(readFileSync(file, 'utf8')).toBe('epoch;loss;val_loss\n0;1.0;NA\n1;0.5;0.75\n');
  });

  it('quotes fields holding the separator, and refuses a bad separator', async () => {
    const file = join(tempDir(), 'log.csv');
    await runFit([new CSVLogger(file)], [{ 'a,b': 1 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,"a,b"\n0,1.0\n');
    expect(() => new CSVLogger(file, { separator: ', ' })).toThrow('Expected separator to be one character in CSVLogger, received ", "');
  });

  it('takes Keras’s arguments in one options object, filename among them', async () => {
    const file = join(tempDir(), 'log.csv');
    const logger = csvLogger({ filename: file, separator: ';' });
    expect(logger.filename).toBe(file);
    await runFit([logger], [{ loss: 1, mae: 0.5 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch;loss;mae\n0;1.0;0.5\n');
    expect(() => csvLogger({ append: true } as never)).toThrow('Expected filename to be a non-empty string in CSVLogger, received undefined');
    expect(() => new CSVLogger(file, { filename: file } as never)).toThrow('Expected filename once in CSVLogger');
    expect(() => csvLogger(file, { seperator: ';' } as never)).toThrow('Unknown option "seperator" in CSVLogger: did you mean "separator"?');
  });

  it('throws a clear Error where node:fs is missing (a browser)', async () => {
    const processObject = process as { getBuiltinModule?: unknown };
    const original = processObject.getBuiltinModule;
    processObject.getBuiltinModule = undefined;
    try {
      await expect(runFit([new CSVLogger('log.csv')], [{ loss: 1 }])).rejects.toThrow(
        'Expected Node.js (≥ 20.16) for CSVLogger, which writes files, received a runtime without node:fs (a browser?)',
      );
    } finally {
      processObject.getBuiltinModule = original;
    }
  });
});
