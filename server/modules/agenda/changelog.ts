import type { MultiText } from '../../../shared/text.js';
import type { Position, StoredChange, TreeDay, TreeItem } from './tree.js';

interface Located {
  item: TreeItem;
  at: Position;
}

function index(days: TreeDay[]): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const day of days)
    for (const block of day.blocks)
      for (const item of block.items)
        out.set(item.key, { item, at: { date: day.date, period: block.period, number: item.number } });
  return out;
}

const samePosition = (a: Position, b: Position) => a.date === b.date && a.period === b.period && a.number === b.number;

function sameTitle(a: MultiText, b: MultiText): boolean {
  const langs = new Set([...Object.keys(a.values), ...Object.keys(b.values)]) as Set<keyof MultiText['values']>;
  for (const l of langs) if (a.values[l]?.text !== b.values[l]?.text) return false;
  return true;
}

/**
 * What changed between two agenda versions, by the items' stable keys: added, removed, moved
 * (another day, block or number) and retitled (any language's title changed). An item can be
 * both moved and retitled. Ordered as the items appear in the newer version, removals last.
 */
export function computeChanges(previous: TreeDay[], current: TreeDay[]): StoredChange[] {
  const before = index(previous);
  const after = index(current);
  const changes: StoredChange[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) {
      changes.push({ type: 'added', key, title: now.item.title, previousTitle: null, from: null, to: now.at });
      continue;
    }
    if (!samePosition(then.at, now.at)) {
      changes.push({ type: 'moved', key, title: now.item.title, previousTitle: null, from: then.at, to: now.at });
    }
    if (!sameTitle(then.item.title, now.item.title)) {
      changes.push({
        type: 'retitled',
        key,
        title: now.item.title,
        previousTitle: then.item.title,
        from: null,
        to: now.at,
      });
    }
  }
  for (const [key, then] of before) {
    if (!after.has(key)) {
      changes.push({ type: 'removed', key, title: then.item.title, previousTitle: null, from: then.at, to: null });
    }
  }
  return changes;
}
