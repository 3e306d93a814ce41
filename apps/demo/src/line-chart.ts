const SVG = 'http://www.w3.org/2000/svg';

/** One series of a {@link LineChart}: its points are (x, y), x in epochs (batches as fractions). */
export interface Series {
  name: string;
  color: string;
  /** Dots at every point (per-epoch series) or a thin line only (per-batch). */
  dots: boolean;
  points: [number, number][];
}

/**
 * A small SVG line chart, redrawn whole on {@link LineChart.draw}. Every dot carries
 * `data-series`, `data-x` and `data-value`, so a test reads the numbers the chart shows.
 */
export class LineChart {
  readonly element: SVGSVGElement;
  private readonly series = new Map<string, Series>();

  constructor(readonly title: string, private readonly width = 420, private readonly height = 220) {
    this.element = document.createElementNS(SVG, 'svg');
    this.element.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.element.setAttribute('class', 'chart');
    this.element.dataset.chart = title;
  }

  /** Adds (or replaces) a series; `draw` shows it. */
  setSeries(series: Series): void {
    this.series.set(series.name, series);
  }

  /** Appends a point to a series made by {@link setSeries}. */
  add(name: string, x: number, y: number): void {
    if (Number.isFinite(y)) this.series.get(name)?.points.push([x, y]);
  }

  /** Empties every series. */
  clear(): void {
    for (const series of this.series.values()) series.points.length = 0;
    this.draw();
  }

  /** Redraws axes, lines, dots and the legend. */
  draw(): void {
    const margin = { left: 44, right: 10, top: 22, bottom: 26 };
    const all = [...this.series.values()].flatMap((series) => series.points);
    const maxX = Math.max(1, ...all.map(([x]) => x));
    const ys = all.map(([, y]) => y);
    const minY = ys.length > 0 ? Math.min(0, ...ys) : 0;
    const maxY = ys.length > 0 ? Math.max(...ys, minY + 1e-6) : 1;
    const px = (x: number) => margin.left + (x / maxX) * (this.width - margin.left - margin.right);
    const py = (y: number) => this.height - margin.bottom - ((y - minY) / (maxY - minY)) * (this.height - margin.top - margin.bottom);
    const parts: string[] = [`<text x="${margin.left}" y="14" class="chart-title">${this.title}</text>`];
    parts.push(`<line x1="${margin.left}" y1="${py(minY)}" x2="${this.width - margin.right}" y2="${py(minY)}" class="axis"/>`);
    parts.push(`<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${py(minY)}" class="axis"/>`);
    for (const tick of [minY, (minY + maxY) / 2, maxY]) {
      parts.push(`<text x="${margin.left - 4}" y="${py(tick) + 4}" class="tick" text-anchor="end">${tick.toFixed(2)}</text>`);
    }
    for (let epoch = 0; epoch <= maxX; epoch += Math.max(1, Math.ceil(maxX / 10))) {
      parts.push(`<text x="${px(epoch)}" y="${this.height - 8}" class="tick" text-anchor="middle">${epoch}</text>`);
    }
    let legendX = margin.left + 110;
    for (const series of this.series.values()) {
      const path = series.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="${series.dots ? 2 : 1}" opacity="${series.dots ? 1 : 0.5}" data-series-line="${series.name}"/>`);
      if (series.dots) {
        for (const [x, y] of series.points) {
          parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${series.color}" data-series="${series.name}" data-x="${x}" data-value="${y}"/>`);
        }
      }
      parts.push(`<rect x="${legendX}" y="7" width="10" height="3" fill="${series.color}"/><text x="${legendX + 13}" y="12" class="tick">${series.name}</text>`);
      legendX += 14 + series.name.length * 6;
    }
    this.element.innerHTML = parts.join('');
  }
}
