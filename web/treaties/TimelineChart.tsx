import { useIntl } from 'react-intl';
import { dayNumber, type TreatyTimeline } from './types.js';

const W = 420;
const H = 240;
const M = { top: 12, right: 12, bottom: 28, left: 32 };

/**
 * The number of parties (solid) and of parties plus uncertain states (dashed) over time, as a
 * step chart, with the chosen day marked; the caption says what the lines are and the count today.
 */
export function TimelineChart({
  timeline,
  from,
  asOf,
  total,
  titleId,
  title,
  summary,
}: {
  timeline: TreatyTimeline;
  from: string;
  asOf: string;
  total: number;
  titleId: string;
  title: string;
  summary: string;
}) {
  const intl = useIntl();
  const points = timeline.points.filter((p) => p.date >= from);
  const last = timeline.points.at(-1);
  if (!last) return null;
  // The count on `from` is the last point at or before it.
  const before = [...timeline.points].reverse().find((p) => p.date <= from);
  const series = before && before.date < from ? [{ ...before, date: from }, ...points] : points;
  const x0 = dayNumber(from);
  const x1 = Math.max(dayNumber(last.date), x0 + 1);
  const x = (day: string) => M.left + ((dayNumber(day) - x0) / (x1 - x0)) * (W - M.left - M.right);
  const y = (n: number) => H - M.bottom - (n / Math.max(total, 1)) * (H - M.top - M.bottom);
  const step = (value: (p: (typeof series)[number]) => number) =>
    series
      .map((p, i) => {
        const px = x(p.date).toFixed(1);
        const py = y(value(p)).toFixed(1);
        return i === 0 ? `M${px},${py}` : `H${px}V${py}`;
      })
      .join('') + `H${x(last.date).toFixed(1)}`;
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(last.date.slice(0, 4));
  const span = lastYear - firstYear;
  const every = span > 30 ? 10 : 5;
  const years: number[] = [];
  for (let yr = Math.ceil((firstYear + 1) / every) * every; yr <= lastYear; yr += every) years.push(yr);
  const counts = [0, Math.round(total / 2), total];
  return (
    <figure className="timeline">
      <svg
        className="timeline-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-summary`}
      >
        <title id={titleId}>{title}</title>
        {counts.map((n) => (
          <g key={n} aria-hidden="true">
            <line x1={M.left} x2={W - M.right} y1={y(n)} y2={y(n)} className="grid" />
            <text x={M.left - 6} y={y(n) + 4} textAnchor="end" className="tick">
              {intl.formatNumber(n)}
            </text>
          </g>
        ))}
        {years.map((yr) => (
          <text key={yr} x={x(`${yr}-01-01`)} y={H - 8} textAnchor="middle" className="tick" aria-hidden="true">
            {yr}
          </text>
        ))}
        <path d={step((p) => p.party + p.uncertain)} className="line uncertain" aria-hidden="true" />
        <path d={step((p) => p.party)} className="line party" aria-hidden="true" />
        {asOf >= from && (
          <line x1={x(asOf)} x2={x(asOf)} y1={M.top} y2={H - M.bottom} className="marker" aria-hidden="true" />
        )}
      </svg>
      <figcaption id={`${titleId}-summary`} className="note">
        {summary}
      </figcaption>
    </figure>
  );
}
