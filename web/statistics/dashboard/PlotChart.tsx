import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';

/** Line colours, each at least 4.5:1 on white, so their direct labels read as text too. */
const PALETTE = [
  '#0a4f8f',
  '#a34a00',
  '#1e6b3a',
  '#8e2c74',
  '#4d4d4d',
  '#b3261e',
  '#00707a',
  '#5b3f9a',
  '#6b5200',
  '#2f5f8a',
];
const HEIGHT = 300;
/** Context lines: grey, and thinner than the emphasised ones. */
const MUTED = '#9a9a9a';
/** Below this width the lines are not labelled at their ends (the labels would overlap the data). */
const LABEL_MIN_WIDTH = 560;

/** One line of the chart: null where the figure is hidden or absent, so the line breaks there. */
export interface ChartLine {
  /** Unique: two sources of one state are two lines, never joined. */
  id: string;
  label: string;
  dashed: boolean;
  /** Coloured and labelled; the others are drawn thin and grey, as context. */
  emphasis: boolean;
  points: { year: number; value: number | null }[];
}

/**
 * One line per series over the years (dashed for public sources), drawn with Observable Plot.
 * The chart is hidden from assistive technology: the figcaption says what it shows and the table
 * beside it carries every figure. Plot is loaded on first use, so the tables never wait for it.
 */
export function PlotChart({ lines }: { lines: ChartLine[] }) {
  const intl = useIntl();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // The lines as a value: a parent's re-render with equal lines must not redraw.
  const key = JSON.stringify(lines);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    let cancelled = false;
    const drawn = JSON.parse(key) as ChartLine[];
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      const rows = (dashed: boolean, emphasis: boolean) =>
        drawn
          .filter((l) => l.dashed === dashed && l.emphasis === emphasis)
          .flatMap((l) => l.points.map((p) => ({ id: l.id, label: l.label, ...p })));
      const dots = (emphasis: boolean) =>
        [...rows(false, emphasis), ...rows(true, emphasis)].filter((r) => r.value !== null);
      const years = [...new Set(drawn.flatMap((l) => l.points.map((p) => p.year)))];
      const labelled = width >= LABEL_MIN_WIDTH;
      const xy = { x: 'year', y: 'value', z: 'id' };
      // Context first, so the emphasised lines are drawn over it.
      const lineMarks = [false, true].flatMap((emphasis) =>
        [false, true].map((dashed) =>
          Plot.lineY(rows(dashed, emphasis), {
            ...xy,
            stroke: emphasis ? 'id' : MUTED,
            strokeWidth: emphasis ? 2 : 1,
            strokeDasharray: dashed ? '6 4' : undefined,
          }),
        ),
      );
      const svg = Plot.plot({
        className: 'stats-plot',
        width,
        height: HEIGHT,
        marginLeft: 56,
        marginRight: labelled ? 150 : 16,
        x: {
          label: null,
          tickFormat: (y: number) => String(y),
          ticks: Math.max(2, Math.min(years.length, Math.floor(width / 64))),
        },
        y: { grid: true, label: null, zero: true, tickFormat: (n: number) => intl.formatNumber(n) },
        color: { domain: drawn.filter((l) => l.emphasis).map((l) => l.id), range: PALETTE },
        marks: [
          Plot.ruleY([0]),
          ...lineMarks,
          Plot.dot(dots(false), { x: 'year', y: 'value', fill: MUTED, r: 2 }),
          Plot.dot(dots(true), { x: 'year', y: 'value', fill: 'id', r: 3 }),
          labelled
            ? Plot.text(
                dots(true),
                Plot.selectLast({
                  ...xy,
                  text: 'label',
                  fill: 'id',
                  dx: 6,
                  textAnchor: 'start',
                  lineWidth: 14,
                }),
              )
            : null,
        ],
      });
      // Plot adds a <style> element, which the site's Content-Security-Policy (style-src 'self')
      // refuses; the same rules live in dashboard.css.
      svg.querySelectorAll('style').forEach((s) => s.remove());
      element.replaceChildren(svg);
    });
    return () => {
      cancelled = true;
    };
  }, [key, width, intl]);

  return <div ref={box} className="stats-chart" aria-hidden="true" />;
}
