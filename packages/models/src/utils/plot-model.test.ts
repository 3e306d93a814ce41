import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Concatenate, dense, input, resetUniqueNames } from '@dendrite/layers';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { model } from '../functional';
import { sequential } from '../sequential';
import { dotToSvg, svgPixelSize } from './dot-to-svg';
import { plotModel } from './plot-model';

useBackend('cpu');
const tempDir = useTempDirs('plot-model');
afterEach(() => resetUniqueNames());

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function wideAndDeep() {
  const wide = input({ shape: [5], name: 'wide_input' });
  const deep = input({ shape: [6], name: 'deep_input' });
  const hidden = dense({ units: 30, activation: 'relu', name: 'hidden_layer' }).apply(deep);
  const merged = new Concatenate({ name: 'concat_layer' }).apply([wide, hidden] as never);
  return model({ inputs: [wide, deep], outputs: dense({ units: 1, name: 'output_layer' }).apply(merged as never) as never });
}

it('lays the graph out as SVG holding every layer name and, when asked, every shape', async () => {
  const net = wideAndDeep();
  const before = tf.memory().numTensors;
  const { svg, dot, png } = await plotModel(net, { showShapes: true, showLayerNames: true });
  expect(tf.memory().numTensors).toBe(before);
  expect(png).toBeUndefined();
  expect(dot).toContain('"deep_input" -> "hidden_layer"');
  expect(svg).toMatch(/^<\?xml[\s\S]*<svg width="\d+pt" height="\d+pt"/);
  for (const name of ['wide_input', 'deep_input', 'hidden_layer', 'concat_layer', 'output_layer']) expect(svg).toContain(`>${name}</text>`);
  for (const shape of ['(None, 5)', '(None, 6)', '(None, 30)', '[(None, 5), (None, 30)]', '(None, 35)', '(None, 1)']) expect(svg).toContain(`>${shape}</text>`);
  expect(svg.match(/class="edge"/g)).toHaveLength(4);
  const unnamed = await plotModel(net);
  expect(unnamed.svg).not.toContain('>hidden_layer</text>');
  expect(unnamed.svg).toContain('>Dense</text>');
  expect(unnamed.svg).not.toContain('shape:');
  net.dispose();
});

it('writes .png (the size the SVG declares), .svg and .dot files, atomically', async () => {
  const net = sequential({ layers: [dense({ units: 3, inputShape: [2], name: 'first' }), dense({ units: 1, name: 'second' })] });
  const dir = tempDir();
  const plot = await plotModel(net, { file: join(dir, 'model.png'), showShapes: true, dpi: 96 });
  const png = new Uint8Array(readFileSync(join(dir, 'model.png')));
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(plot.png).toEqual(png);
  expect(pngSize(png)).toEqual(svgPixelSize(plot.svg));
  expect(pngSize(png).width).toBeGreaterThan(200);
  const bigger = await plotModel(net, { png: true, showShapes: true, dpi: 144 });
  expect(pngSize(bigger.png!)).toEqual(svgPixelSize(bigger.svg));
  expect(pngSize(bigger.png!).width).toBeGreaterThanOrEqual(1.5 * pngSize(png).width - 2);
  await plotModel(net, { file: join(dir, 'model.svg') });
  expect(readFileSync(join(dir, 'model.svg'), 'utf8')).toContain('>Dense</text>');
  const { dot } = await plotModel(net, { file: join(dir, 'model.dot'), rankdir: 'LR' });
  expect(readFileSync(join(dir, 'model.dot'), 'utf8')).toBe(dot);
  expect(dot).toContain('rankdir="LR"');
  net.dispose();
});

it('refuses files it cannot write, unknown keys with the spelling meant, and DOT Graphviz cannot read', async () => {
  const net = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
  await expect(plotModel(net, { file: 'model.jpg' })).rejects.toThrow('Expected file to be a path ending in .png, .svg or .dot for plotModel, received "model.jpg"');
  await expect(plotModel(net, { to_file: 'model.png' } as never)).rejects.toThrow(new TypeError('Unknown option "to_file" in plotModel: did you mean "file"?'));
  await expect(dotToSvg('digraph { a -> }')).rejects.toThrow(/Expected a DOT graph Graphviz can lay out, received one it refuses: .*syntax error/);
  expect(() => svgPixelSize('<svg viewBox="0 0 1 1">')).toThrow('Expected an SVG root with an absolute width');
  expect(svgPixelSize('<svg width="72pt" height="10px">')).toEqual({ width: 96, height: 10 });
  net.dispose();
});
