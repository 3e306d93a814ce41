import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { saveLayersModel } from './layers-model-format';
import { loadLayersModel } from '../load-model';

beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const makeModel = () => sequential({ layers: [dense({ units: 3, activation: 'relu', inputShape: [4] }), dense({ units: 2 })] });

it('loads over http(s) through fetch and saves by POST, as tfjs does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-http-'));
  const model = makeModel();
  await saveLayersModel(model, dir);
  const posted: string[] = [];
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        posted.push(`${request.headers['content-type']}\n${Buffer.concat(chunks).toString('latin1')}`);
        response.end('{}');
      });
      return;
    }
    const file = request.url?.slice(1) ?? '';
    if (file !== 'model.json' && !/^weights\.[0-9a-f]{16}\.bin$/.test(file)) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const loaded = await loadLayersModel(`${base}/model.json`);
    const x = tf.tensor2d(seededArray(8, 3), [2, 4]);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expectArraysClose(b, a, 1e-6);
    tf.dispose([x, a, b]);
    await saveLayersModel(model, `${base}/upload`);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatch(/^multipart\/form-data/);
    expect(posted[0]).toContain('name="model.json"');
    expect(posted[0]).toContain('"class_name":"Sequential"');
    await expect(loadLayersModel(`${base}/missing/model.json`)).rejects.toThrow(/404/);
    loaded.dispose();
  } finally {
    server.close();
    model.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('goes through any tfjs IO handler, and says when browser storage is not there', async () => {
  const model = makeModel();
  let saved: tf.io.ModelArtifacts | undefined;
  await saveLayersModel(model, { save: async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }) });
  expect(saved?.weightSpecs?.map((s) => s.name)).toEqual(model.weights.map((w) => w.path));
  const loaded = await loadLayersModel({ load: async () => saved! });
  expect(loaded.countParams()).toBe(model.countParams());
  const broken = { ...saved!, weightData: new ArrayBuffer(8) };
  await expect(loadLayersModel({ load: async () => broken })).rejects.toThrow(/Expected \d+ bytes of weights for "the IO handler", received 8/);
  await expect(saveLayersModel(model, 'indexeddb://my-model')).rejects.toThrow('Expected a browser (with IndexedDB, localStorage or downloads) to save "indexeddb://my-model", received a runtime without that storage');
  await expect(loadLayersModel('localstorage://my-model')).rejects.toThrow(/to load "localstorage:\/\/my-model"/);
  model.dispose();
  loaded.dispose();
});
