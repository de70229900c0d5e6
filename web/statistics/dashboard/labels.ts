import type { IntlShape } from 'react-intl';
import { parseBreakdownKey, publicSourceName, REGIONAL, TOTAL, type Cell } from './series.js';
import type { MemberState } from './types.js';

/** A catalogue message when there is one, else the code itself (a category as the source published it). */
function known(intl: IntlShape, id: string, fallback: string): string {
  return intl.messages[id] === undefined ? fallback : intl.formatMessage({ id });
}

/**
 * Names of what the dashboards show, in the reader's language: places, sources, breakdowns. An
 * indicator the secretariat adds later may bring dimensions the catalogue does not know; they
 * show as their codes rather than as nothing.
 */
export function statsLabels(intl: IntlShape, states: MemberState[]) {
  const names = new Map(states.map((s) => [s.iso3, s.name]));
  const dimension = (d: string) => known(intl, `statsDash.dimension.${d}`, d);
  const category = (c: string) => known(intl, `statsDash.category.${c}`, c);
  const breakdown = (key: string) =>
    key === TOTAL
      ? intl.formatMessage({ id: 'statsDash.breakdown.total' })
      : Object.entries(parseBreakdownKey(key))
          .map(([d, c]) =>
            intl.formatMessage({ id: 'statsDash.breakdown.item' }, { dimension: dimension(d), category: category(c) }),
          )
          .join(' · ');
  const dimensions = (key: string) =>
    key === TOTAL ? intl.formatMessage({ id: 'statsDash.breakdown.total' }) : key.split('+').map(dimension).join(' × ');
  const place = (code: string) =>
    names.get(code) ??
    (code === 'hemisphere'
      ? intl.formatMessage({ id: 'statsDash.region.hemisphere' })
      : known(intl, `countries.subregion.${code}`, code));
  const source = (key: string) =>
    key === 'reported'
      ? intl.formatMessage({ id: 'statsDash.source.reported' })
      : key === REGIONAL
        ? intl.formatMessage({ id: 'statsDash.source.regional' })
        : (publicSourceName(key) ?? key);
  /** A source in a few words, for a chart's line labels: "GLOTIP", "national report". */
  const shortSource = (key: string) => {
    if (key === 'reported') return intl.formatMessage({ id: 'statsDash.source.reportedShort' });
    if (key === REGIONAL) return intl.formatMessage({ id: 'statsDash.source.regionalShort' });
    const name = publicSourceName(key) ?? key;
    return /\(([^)]+)\)/.exec(name)?.[1] ?? name;
  };
  /** A figure as the table shows it: the number in the reader's format, or the mark it was published with. */
  const cell = (c: Cell) => (c.value === null ? c.shownAs : intl.formatNumber(c.value));
  return { dimension, category, breakdown, dimensions, place, source, shortSource, cell };
}

export type StatsLabels = ReturnType<typeof statsLabels>;
