import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { readZip, writeZip } from '@dendrite/backend/internal';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';
import { saveModelBytes } from './model-io';
import { checkShapesFitFile } from './declared-sizes';

beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const makeModel = () => sequential({ layers: [dense({ units: 4, inputShape: [3] }), dense({ units: 2 })] });

/** A saved `.keras` whose config.json is changed by `edit`. */
async function editedKeras(edit: (config: { config: { layers: Array<{ config: Record<string, unknown> }> } }) => void): Promise<Uint8Array> {
  const model = makeModel();
  const files = readZip(await saveModelBytes(model, 'keras'), 'model.keras');
  model.dispose();
  const config = JSON.parse(new TextDecoder().decode(files.get('config.json')));
  edit(config);
  return writeZip([...files].map(([name, bytes]) => [name, name === 'config.json' ? new TextEncoder().encode(JSON.stringify(config)) : bytes]));
}

it('refuses a .keras whose config declares units its stored weights cannot hold, before building (no tensor is made)', async () => {
  const bytes = await editedKeras((config) => {
    config.config.layers[1].config.units = 5e7;
  });
  const before = tf.memory().numTensors;
  await expect(loadModel(bytes)).rejects.toThrow(
    'Expected layer sizes in "the given bytes" that its stored weights can fill, received units: 50000000 in layer "dense" while the largest stored weight dimension is 4 (refused before building the model)',
  );
  expect(tf.memory().numTensors).toBe(before);
});

it('refuses a .keras with layers: [] beside stored weights, and two layers of one name', async () => {
  const empty = await editedKeras((config) => {
    config.config.layers = [];
  });
  await expect(loadModel(empty)).rejects.toThrow(/^Expected a model with weights in "the given bytes", received a config whose model has none beside 4 stored weight arrays/);
  const twins = await editedKeras((config) => {
    config.config.layers[2].config.name = config.config.layers[1].config.name;
  });
  await expect(loadModel(twins)).rejects.toThrow(/^Expected unique layer names in model "sequential(_\d+)?" of "the given bytes", received two layers named "dense(_\d+)?"/);
});

it('stops a .keras decompression bomb at the limit, which a load option raises', async () => {
  const model = makeModel();
  const files = readZip(await saveModelBytes(model, 'keras'), 'model.keras');
  // config.json followed by 17 MiB of spaces (beyond the 16 MiB always allowed) (still JSON), deflated to a few KB: a ratio near 1000.
  const config = new Uint8Array(files.get('config.json')!.length + 17 * 2 ** 20).fill(0x20);
  config.set(files.get('config.json')!);
  const bomb = buildZip([...files].map(([name, data]) => (name === 'config.json' ? { name, data: config, method: 8 as const } : { name, data, method: 0 as const })));
  await expect(loadModel(bomb)).rejects.toThrow(/^Expected a ZIP archive in "the given bytes", received/);
  const loaded = await loadModel(bomb, { decompressionLimits: { maxRatio: 100_000 } });
  expect(loaded.countParams()).toBe(model.countParams());
  [model, loaded].forEach((item) => item.dispose());
});

/** A ZIP of the entries, each stored (0) or deflated (8). */
function buildZip(entries: Array<{ name: string; data: Uint8Array; method: 0 | 8 }>): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const body = entry.method === 8 ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((n, part) => n + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

it('refuses stored shapes a file cannot hold before they bound the model', () => {
  expect(() => checkShapesFitFile([[5e7, 4]], 13_000, 'model.keras')).toThrow('Expected stored weights that fit "model.keras", received shapes declaring 800000000 bytes in a file of 13000 bytes');
  expect(() => checkShapesFitFile([[4, 2]], 13_000, 'model.keras')).not.toThrow();
});
