import { nodeModules } from '@dendrite/backend/internal';
import { svgPixelSize } from './dot-to-svg';

type Resvg = typeof import('@resvg/resvg-wasm');

/**
 * Sans-serif fonts to draw labels with, Helvetica's metric twins first (Graphviz measured the
 * text as Helvetica), then the narrower DejaVu: Linux, macOS and Windows places.
 */
const FONT_CANDIDATES: ReadonlyArray<{ family: string; files: string[] }> = [
  { family: 'Liberation Sans', files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'] },
  { family: 'Liberation Sans', files: ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'] },
  { family: 'Arial', files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'] },
  { family: 'Arial', files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
  { family: 'Helvetica', files: ['/System/Library/Fonts/Helvetica.ttc'] },
  { family: 'DejaVu Sans Condensed', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf'] },
  { family: 'DejaVu Sans Condensed', files: ['/usr/share/fonts/dejavu-sans-fonts/DejaVuSansCondensed.ttf', '/usr/share/fonts/dejavu-sans-fonts/DejaVuSansCondensed-Bold.ttf'] },
  { family: 'DejaVu Sans', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] },
];

let resvg: Promise<Resvg> | undefined;
let fonts: { family: string; buffers: Uint8Array[] } | undefined;

/** resvg (an SVG rasterizer compiled to WebAssembly), its .wasm read from its package: no network. */
function loadResvg(): Promise<Resvg> {
  resvg ??= import('@resvg/resvg-wasm').then(async (module) => {
    const { fs, module: nodeModule } = nodeModules('to draw PNG files');
    const wasmPath = nodeModule.createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    // resvg initializes once per process: the other build of this package (ESM beside CJS) or the
    // user's own code may have done it already.
    await module.initWasm(await fs.promises.readFile(wasmPath)).catch((error: unknown) => {
      if (!/already initialized/i.test((error as Error)?.message ?? '')) throw error;
    });
    return module;
  });
  return resvg;
}

function systemFonts(): { family: string; buffers: Uint8Array[] } {
  if (fonts) return fonts;
  const { fs } = nodeModules('to draw PNG files');
  for (const candidate of FONT_CANDIDATES) {
    if (!fs.existsSync(candidate.files[0])) continue;
    fonts = { family: candidate.family, buffers: candidate.files.filter((file) => fs.existsSync(file)).map((file) => new Uint8Array(fs.readFileSync(file))) };
    return fonts;
  }
  throw new Error(
    `Expected a sans-serif font to draw the PNG's labels (Liberation Sans, Arial, Helvetica or DejaVu Sans), received none in ${FONT_CANDIDATES.map((candidate) => candidate.files[0]).join(', ')}: install one (e.g. fonts-liberation), or plot to .svg`,
  );
}

async function rasterizeInNode(svg: string): Promise<Uint8Array> {
  const { Resvg } = await loadResvg();
  const { family, buffers } = systemFonts();
  const renderer = new Resvg(svg, { background: 'white', font: { fontBuffers: buffers, defaultFontFamily: family, sansSerifFamily: family } });
  try {
    const image = renderer.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}

/** In a browser: the SVG drawn on a canvas (the browser's own fonts), read back as PNG. */
async function rasterizeInBrowser(svg: string): Promise<Uint8Array> {
  const { width, height } = svgPixelSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('Expected the browser to draw the plot SVG, received an image load error'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [width, height];
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Expected a 2D canvas context to draw the PNG, received none');
    context.fillStyle = 'white';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('Expected the canvas to encode a PNG, received nothing');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Rasterizes an SVG document to PNG bytes at the size it declares, on a white background: in
 * Node with resvg (WebAssembly, loaded on first use) and a system sans-serif font; in a browser
 * on a canvas.
 *
 * @throws Error in Node when no usable font is installed (naming the ones looked for)
 * @example
 * ```ts
 * const png = await svgToPng(await dotToSvg(modelToDot(model)));
 * ```
 */
export function svgToPng(svg: string): Promise<Uint8Array> {
  const inBrowser = typeof document !== 'undefined' && typeof Image !== 'undefined';
  return inBrowser ? rasterizeInBrowser(svg) : rasterizeInNode(svg);
}
