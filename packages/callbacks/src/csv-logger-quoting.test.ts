import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { CSVLogger } from './csv-logger';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
const tempDir = useTempDirs('callbacks');

describe('CSVLogger, as Python’s csv module and Keras', () => {
  it('quotes fields with a quote, a carriage return or a line feed, doubling the quotes (QUOTE_MINIMAL)', async () => {
    // Python, with Keras's dialect (the default lineterminator '\r\n', so both are quoted): csv.writer(f).writerow(['epoch', 'a"b', 'c\rd', 'e\nf', 'g;h'])
    // == 'epoch,"a""b","c\rd","e\nf",g;h\r\n'; Dendrite ends rows in '\n' instead.
    const file = join(tempDir(), 'log.csv');
    await runFit([new CSVLogger(file)], [{ 'a"b': 1, 'c\rd': 2, 'e\nf': 3, 'g;h': 4 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,"a""b","c\rd","e\nf",g;h\n0,1.0,2.0,3.0,4.0\n');
  });

  it('writes NA for a logged value that is not a number, and only val_ metrics as extra columns', async () => {
    const file = join(tempDir(), 'log.csv');
    await runFit([new CSVLogger(file)], [{ loss: null as never, accuracy: 1 }], { params: { metrics: ['loss', 'mae', 'val_mae'] } });
    expect(readFileSync(file, 'utf8')).toBe('epoch,accuracy,loss,val_mae\n0,1.0,NA,NA\n');
  });

  it('continues a file whose first line is a header, and writes one where the file is empty', async () => {
    const file = join(tempDir(), 'log.csv');
    writeFileSync(file, '');
    await runFit([new CSVLogger(file, { append: true })], [{ loss: 0.5 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss\n0,0.5\n');
    const single = join(tempDir(), 'single.csv');
    writeFileSync(single, 'epoch,loss');
    await runFit([new CSVLogger(single, { append: true })], [{ loss: 0.5 }]);
    expect(readFileSync(single, 'utf8')).toBe('epoch,loss0,0.5\n');
  });

  it('takes new columns in a run after a killed one (the keys start over at onTrainBegin)', async () => {
    const file = join(tempDir(), 'log.csv');
    const logger = new CSVLogger(file);
    await runFit([logger], [{ loss: 1 }, { loss: 1 }], { killAfterEpoch: 0 });
    await runFit([logger], [{ loss: 0.5, mae: 2 }]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss,mae\n0,0.5,2.0\n');
    expect([logger.separator, logger.append]).toEqual([',', false]);
  });
});
