import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { CallbackList } from './callback-list';
import { TensorBoard } from './tensorboard';
import { crc32c, maskedCrc32c } from './tensorboard-format';
import { FakeModel } from './testing-model';

beforeAll(() => useBackend('cpu'));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Reads TFRecords, checking both CRCs of each. */
function readRecords(bytes: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset < bytes.length; ) {
    const length = view.getUint32(offset, true);
    expect(view.getUint32(offset + 8, true), 'length CRC').toBe(maskedCrc32c(bytes.subarray(offset, offset + 8)));
    const data = bytes.subarray(offset + 12, offset + 12 + length);
    expect(view.getUint32(offset + 12 + length, true), 'data CRC').toBe(maskedCrc32c(data));
    records.push(data);
    offset += 16 + length;
  }
  return records;
}

type Field = { field: number; wire: number; value: number | Uint8Array };

/** Decodes one protobuf message into its fields. */
function decode(bytes: Uint8Array): Field[] {
  const fields: Field[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[i++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === 0) fields.push({ field, wire, value: varint() });
    else if (wire === 1) {
      fields.push({ field, wire, value: view.getFloat64(i, true) });
      i += 8;
    } else if (wire === 5) {
      fields.push({ field, wire, value: view.getFloat32(i, true) });
      i += 4;
    } else {
      const length = varint();
      fields.push({ field, wire, value: bytes.subarray(i, i + length) });
      i += length;
    }
  }
  return fields;
}

function events(directory: string) {
  const [file] = readdirSync(directory);
  expect(file).toMatch(/^events\.out\.tfevents\.\d+\..+\.\d+\.\d+\.v2$/);
  return readRecords(new Uint8Array(readFileSync(join(directory, file)))).map(decode);
}

function summaries(eventList: Field[][]) {
  return eventList.flatMap((event) => {
    const step = (event.find((f) => f.field === 2)?.value as number) ?? 0;
    const summary = event.find((f) => f.field === 5)?.value as Uint8Array | undefined;
    if (!summary) return [];
    return decode(summary).map((value) => {
      const parts = decode(value.value as Uint8Array);
      const tag = new TextDecoder().decode(parts.find((p) => p.field === 1)!.value as Uint8Array);
      const scalar = parts.find((p) => p.field === 2)?.value as number | undefined;
      const histogram = parts.find((p) => p.field === 5)?.value as Uint8Array | undefined;
      return { step, tag, scalar, histogram };
    });
  });
}

it('computes CRC32C as the Castagnoli check value says', () => {
  expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
});

it('writes train and validation event files that parse back with valid CRCs and the logged values', async () => {
  const logDir = mkdtempSync(join(tmpdir(), 'dendrite-tb-'));
  dirs.push(logDir);
  const model = new FakeModel();
  const list = new CallbackList([new TensorBoard(logDir, { updateFreq: 'batch', histogramFreq: 1 })]);
  list.setModel(model);
  list.setParams({ epochs: 2, steps: 2, verbose: 0, metrics: ['loss'] });
  await list.call('onTrainBegin');
  for (const epoch of [0, 1]) {
    await list.call('onEpochBegin', epoch);
    for (const batch of [0, 1]) await list.call('onBatchEnd', batch, { loss: epoch + batch / 10 });
    await list.call('onEpochEnd', epoch, { loss: 1 - epoch / 2, accuracy: 0.5 + epoch / 4, val_loss: 2 - epoch });
  }
  await list.call('onTrainEnd');
  const train = events(join(logDir, 'train'));
  expect(new TextDecoder().decode(train[0].find((f) => f.field === 3)!.value as Uint8Array)).toBe('brain.Event:2');
  const trainSummaries = summaries(train);
  expect(trainSummaries.filter((s) => s.tag === 'epoch_loss').map((s) => [s.step, s.scalar])).toEqual([[0, 1], [1, 0.5]]);
  expect(trainSummaries.filter((s) => s.tag === 'epoch_accuracy').map((s) => s.scalar)).toEqual([0.5, 0.75]);
  expect(trainSummaries.filter((s) => s.tag === 'batch_loss').map((s) => s.step)).toEqual([1, 2, 3, 4]);
  const histogram = trainSummaries.find((s) => s.tag === 'dense/w0/histogram')!.histogram!;
  const fields = decode(histogram);
  expect(fields.find((f) => f.field === 1)!.value).toBe(1); // min of [1, 2]
  expect(fields.find((f) => f.field === 2)!.value).toBe(2); // max
  expect(fields.find((f) => f.field === 3)!.value).toBe(2); // count
  const validation = summaries(events(join(logDir, 'validation')));
  expect(validation.map((s) => [s.tag, s.step, s.scalar])).toEqual([['epoch_loss', 0, 2], ['epoch_loss', 1, 1]]);
  model.dispose();
});
