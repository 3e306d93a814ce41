type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;

let viz: Promise<Viz> | undefined;

/**
 * Lays out a DOT graph with Graphviz (compiled to WebAssembly, `@viz-js/viz`, its wasm inlined:
 * no file or network access, the same in Node and browsers) and draws it as SVG. Graphviz is
 * loaded on the first call only, so nothing pays for it unless plotting.
 *
 * @param dot the graph, e.g. from {@link modelToDot}
 * @returns the SVG document
 * @throws Error with Graphviz's message for a DOT text it cannot read
 * @example
 * ```ts
 * const svg = await dotToSvg('digraph { a -> b }');
 * ```
 */
export async function dotToSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz').then((module) => module.instance());
  const result = (await viz).render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const messages = result.errors.filter((error) => error.level !== 'warning').map((error) => error.message.trim());
    throw new Error(`Expected a DOT graph Graphviz can lay out, received one it refuses: ${messages.join('; ') || 'no message'}`);
  }
  return result.output;
}

/**
 * The size in pixels an SVG document declares (`width`/`height` in `pt`, `px`, `in`, `cm`, `mm`
 * or unitless pixels, as CSS converts them), rounded to whole pixels as resvg rounds it.
 *
 * @throws Error when the root element has no absolute width and height
 */
export function svgPixelSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const PER_UNIT: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };
  const read = (attribute: string) => {
    const match = new RegExp(`\\b${attribute}="([\\d.]+)(px|pt|pc|in|cm|mm)?"`).exec(root);
    if (!match) throw new Error(`Expected an SVG root with an absolute ${attribute}, received ${root.slice(0, 120) || 'no <svg> element'}`);
    return Math.round(Number(match[1]) * PER_UNIT[match[2] ?? '']);
  };
  return { width: read('width'), height: read('height') };
}
