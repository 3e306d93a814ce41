import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { plotHistory } from './plot';

it('draws train and validation curves to SVG and PNG', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-plot-'));
  const history = { loss: [1, 0.5, 0.3], accuracy: [0.6, 0.8, 0.9], val_loss: [1.1, 0.6, 0.4], val_accuracy: [0.55, 0.75, 0.85] };
  await plotHistory(history, 'mnist-adam', join(dir, 'curves.svg'));
  const svg = readFileSync(join(dir, 'curves.svg'), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('validation');
  expect(svg).toContain('accuracy');
  await plotHistory(history, 'mnist-adam', join(dir, 'curves.png'));
  expect(readFileSync(join(dir, 'curves.png')).subarray(1, 4).toString()).toBe('PNG');
  await expect(plotHistory(history, 'x', join(dir, 'curves.gif'))).rejects.toThrow('Expected --plot to name an .svg or .png file, received');
  rmSync(dir, { recursive: true, force: true });
});

it("titles the x axis after the history's steps and draws far-apart scores on a symlog scale", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-plot-'));
  const history = { mean_test_score: [-0.38, -107, -0.37] };
  await plotHistory(history, 'search', join(dir, 'linear.svg'));
  await plotHistory(history, 'search', join(dir, 'search.svg'), { xTitle: 'candidate', yScale: 'symlog' });
  const linear = readFileSync(join(dir, 'linear.svg'), 'utf8');
  const search = readFileSync(join(dir, 'search.svg'), 'utf8');
  expect(linear).toContain('>epoch<');
  expect(search).toContain('>candidate<');
  expect(search).not.toContain('>epoch<');
  expect(linear).toContain('for a linear scale with values from −110 to 0');
  expect(search).toContain('for a symlog scale with values from −110 to 0');
  // A history without validation keys names its series plainly, not "train".
  expect(search).toContain('series: mean_test_score"');
  rmSync(dir, { recursive: true, force: true });
});
