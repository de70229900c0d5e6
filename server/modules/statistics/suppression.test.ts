import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverable, suppressGroup, type TableCell } from './suppression.js';

/** A state × year × indicator: a total and 1–3 dimensions whose categories add up to it. */
const group = fc
  .record({
    k: fc.integer({ min: 2, max: 12 }),
    total: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 80 })),
    dims: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    seed: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    withTotal: fc.boolean(),
  })
  .map(({ k, total, dims, seed, withTotal }) => {
    const cells: TableCell[] = withTotal ? [{ dimension: null, category: null, value: total }] : [];
    dims.forEach((n, d) => {
      const parts = new Array<number>(n).fill(0);
      // Each unit of the total goes to one category, so the dimension adds up.
      for (let u = 0; u < total; u++) parts[((seed[u] ?? 0) + d * 7) % n]! += 1;
      parts.forEach((value, c) => cells.push({ dimension: `d${d}`, category: `c${c}`, value }));
    });
    return { k, cells };
  });

function tables(cells: TableCell[], hidden: Set<number>) {
  const totalIndex = cells.findIndex((c) => c.dimension === null);
  const shown = (i: number) => (hidden.has(i) ? null : (cells[i]?.value ?? null));
  const dims = [...new Set(cells.flatMap((c) => (c.dimension ? [c.dimension] : [])))];
  return dims.map((d) => ({
    total: totalIndex === -1 ? undefined : shown(totalIndex),
    parts: cells.flatMap((c, i) => (c.dimension === d ? [shown(i)] : [])),
  }));
}

describe('suppression of state-reported tables', () => {
  it('publishes no cell between 1 and k − 1, and keeps zeros and other values as they are', () => {
    fc.assert(
      fc.property(group, ({ k, cells }) => {
        const hidden = suppressGroup(cells, k);
        cells.forEach((c, i) => {
          if (hidden.has(i)) expect(c.value).not.toBe(0);
          else expect(c.value === null || c.value === 0 || c.value >= k).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no hidden cell that can be worked out from the published cells and totals of its table', () => {
    fc.assert(
      fc.property(group, ({ k, cells }) => {
        const hidden = suppressGroup(cells, k);
        for (const t of tables(cells, hidden)) {
          // Without a published total a table has no equation to solve, unless another dimension gives it.
          if (t.total === undefined) continue;
          expect(recoverable(t.total, t.parts)).toBe(false);
        }
        // A hidden total cannot be the sum of a dimension shown in full.
        if (cells.some((c, i) => c.dimension === null && hidden.has(i))) {
          for (const t of tables(cells, hidden)) expect(t.parts.length === 0 || t.parts.includes(null)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('hides a second category when one small category would be the total minus the others', () => {
    const cells: TableCell[] = [
      { dimension: null, category: null, value: 40 },
      { dimension: 'sex', category: 'female', value: 3 },
      { dimension: 'sex', category: 'male', value: 30 },
      { dimension: 'sex', category: 'unknown', value: 7 },
      { dimension: 'sex', category: 'other', value: 0 },
    ];
    const hidden = suppressGroup(cells, 5);
    expect([...hidden].sort()).toEqual([1, 3]);
  });

  it('hides nothing when every cell is zero or at least k', () => {
    const cells: TableCell[] = [
      { dimension: null, category: null, value: 20 },
      { dimension: 'sex', category: 'female', value: 0 },
      { dimension: 'sex', category: 'male', value: 20 },
    ];
    expect(suppressGroup(cells, 5).size).toBe(0);
  });

  it('with k = 11 hides a 9 that k = 5 would publish', () => {
    const cells: TableCell[] = [
      { dimension: null, category: null, value: 29 },
      { dimension: 'sex', category: 'female', value: 9 },
      { dimension: 'sex', category: 'male', value: 20 },
    ];
    expect(suppressGroup(cells, 5).size).toBe(0);
    expect([...suppressGroup(cells, 11)].sort()).toEqual([1, 2]);
  });
});
