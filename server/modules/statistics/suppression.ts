/*
 * Statistical disclosure control for what states report through Continental.
 *
 * A table is one state (or region) × year × indicator × dimension: the total and that dimension's
 * categories, which add up to it. Primary suppression hides every cell between 1 and k − 1 (and
 * every figure the state itself gave as suppressed at source). Secondary suppression then hides
 * more cells until no hidden cell can be worked out from the published ones: zero stays visible,
 * so a reader knows each hidden cell is at least 1, and a hidden cell is recoverable when
 *   - the total is published and it is the only hidden category of its table, or all the hidden
 *     categories together are as small as their number (each must then be 1);
 *   - the total is hidden but a table sharing it hides none of its categories (the total is then
 *     their sum, and with it the cells of the other tables).
 * Each round hides the smallest visible non-zero category (or else the total), which loses the
 * least information; rounds repeat until nothing changes, since the total links the tables.
 */

export interface TableCell {
  /** The dimension, or null for the total. */
  dimension: string | null;
  category: string | null;
  /** Null: unknown here (suppressed at source); it is at least 1. */
  value: number | null;
}

const id = (c: TableCell) => `${c.dimension ?? ''}=${c.category ?? ''}`;

/** Which cells of one state × year × indicator must be hidden; returns their indexes. */
export function suppressGroup(cells: TableCell[], k: number): Set<number> {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.value === null || (c.value >= 1 && c.value < k)) hidden.add(i);
  });
  const totalIndex = cells.findIndex((c) => c.dimension === null);
  const dims = [...new Set(cells.flatMap((c) => (c.dimension === null ? [] : [c.dimension])))].sort();
  // An absent total links the dimensions too (they add up to the same unpublished number).
  const totalUnknown = () => (totalIndex === -1 ? dims.length > 1 : hidden.has(totalIndex));
  const hideSmallest = (parts: number[]): boolean => {
    const candidates = parts
      .filter((i) => !hidden.has(i) && (cells[i]?.value ?? 0) > 0)
      .sort((a, b) => (cells[a]?.value ?? 0) - (cells[b]?.value ?? 0) || id(cells[a]!).localeCompare(id(cells[b]!)));
    const pick = candidates[0];
    if (pick === undefined) return false;
    hidden.add(pick);
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const d of dims) {
      const parts = cells.flatMap((c, i) => (c.dimension === d ? [i] : []));
      const hiddenParts = parts.filter((i) => hidden.has(i));
      if (totalUnknown()) {
        if (hiddenParts.length === 0 && hideSmallest(parts)) changed = true;
        continue;
      }
      if (totalIndex === -1) continue;
      const total = cells[totalIndex]?.value ?? 0;
      const visible = parts.filter((i) => !hidden.has(i)).reduce((s, i) => s + (cells[i]?.value ?? 0), 0);
      const rest = total - visible;
      const m = hiddenParts.length;
      if (m === 1 || (m >= 2 && rest <= m)) {
        if (!hideSmallest(parts)) hidden.add(totalIndex);
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * Whether a hidden cell of one table can be worked out from what is published, under the model
 * above (hidden cells are integers of at least 1, categories add up to the total). For tests and
 * for a reader of the rule: the answer for every hidden cell should be false.
 */
export function recoverable(total: number | null, parts: (number | null)[]): boolean {
  const hiddenParts = parts.filter((p) => p === null).length;
  if (total === null) return hiddenParts === 0 && parts.length > 0;
  if (hiddenParts === 0) return false;
  const rest = total - parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  return hiddenParts === 1 || rest === hiddenParts;
}
