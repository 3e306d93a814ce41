import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resultTable } from './result-table';

it('prints the seeds’ results beside the measured ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-results-'));
  writeFileSync(join(dir, 'mnist-adam.json'), JSON.stringify({ experiment: 'mnist-adam', backend: 'wasm', test: { accuracy: 0.9785, loss: 0.07 }, secondsPerEpoch: 1.55, date: '2026-11-24T16:00:00Z' }));
  const table = resultTable(dir);
  expect(table).toMatch(/\| mnist-adam\s+\| accuracy\s+\| 97\.82% \(10 epochs\)\s+\| 97\.85%\s+\| 1\.55 s\s+\| wasm, 2026-11-24 \|/);
  expect(table).toMatch(/\| fashion-mlp\s+\| accuracy\s+\| 88\.27% \(30 epochs\)\s+\| —/);
  rmSync(dir, { recursive: true, force: true });
});

it('gives a sweep one row per setting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-results-'));
  writeFileSync(join(dir, 'lr-sweep.json'), JSON.stringify({ experiment: 'lr-sweep', backend: 'cpu', test: { 'accuracy_0.001': 0.9764, 'accuracy_0.1': 0.0982 }, secondsPerEpoch: 1.4, date: '2026-11-24T16:00:00Z' }));
  const table = resultTable(dir);
  expect(table).toMatch(/\| lr-sweep\s+\| accuracy_0\.001\s+\| —\s+\| 97\.64%\s+\| 1\.40 s\s+\| cpu, 2026-11-24/);
  expect(table).toMatch(/\| lr-sweep\s+\| accuracy_0\.1\s+\| —\s+\| 9\.82%/);
  rmSync(dir, { recursive: true, force: true });
});
