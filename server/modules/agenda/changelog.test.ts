import { describe, expect, it } from 'vitest';
import { computeChanges } from './changelog.js';
import type { TreeDay, TreeItem } from './tree.js';

const item = (key: string, number: number, title: string): TreeItem => ({
  key,
  number,
  kind: 'discussion',
  title: { original: 'fr', values: { fr: { text: title, official: true } } },
  description: null,
  presenters: [],
  alternatives: [],
  startTime: null,
  endTime: null,
});

const day = (date: string, morning: TreeItem[], afternoon: TreeItem[] = []): TreeDay => ({
  date,
  blocks: [
    { period: 'morning', theme: null, startTime: null, endTime: null, items: morning },
    { period: 'afternoon', theme: null, startTime: null, endTime: null, items: afternoon },
  ],
});

describe('agenda change log', () => {
  it('reports nothing when nothing changed', () => {
    const v = [day('2005-04-06', [item('a', 1, 'Ouverture')])];
    expect(computeChanges(v, structuredClone(v))).toEqual([]);
  });

  it('names added, moved and retitled items by their stable key, in the new order', () => {
    const before = [day('2005-04-06', [item('a', 1, 'Ouverture'), item('b', 2, 'Rapports')], [item('c', 3, 'Film')])];
    const after = [
      day('2005-04-06', [item('a', 1, 'Allocution d’ouverture')], [item('c', 3, 'Film'), item('d', 4, 'Débat')]),
      day('2005-04-07', [item('b', 1, 'Rapports')]),
    ];
    const changes = computeChanges(before, after);
    expect(changes.map((c) => [c.type, c.key])).toEqual([
      ['retitled', 'a'],
      ['added', 'd'],
      ['moved', 'b'],
    ]);
    const moved = changes.find((c) => c.type === 'moved');
    expect(moved?.from).toEqual({ date: '2005-04-06', period: 'morning', number: 2 });
    expect(moved?.to).toEqual({ date: '2005-04-07', period: 'morning', number: 1 });
    expect(changes[0]?.previousTitle?.values.fr?.text).toBe('Ouverture');
  });

  it('lists removed items last, with where they were', () => {
    const before = [day('2005-04-06', [item('a', 1, 'Ouverture'), item('b', 2, 'Rapports')])];
    const after = [day('2005-04-06', [item('a', 1, 'Ouverture')])];
    expect(computeChanges(before, after)).toEqual([
      {
        type: 'removed',
        key: 'b',
        title: before[0]!.blocks[0]!.items[1]!.title,
        previousTitle: null,
        from: { date: '2005-04-06', period: 'morning', number: 2 },
        to: null,
      },
    ]);
  });

  it('sees a retitle in a translation, not only in the original', () => {
    const a = item('a', 1, 'Ouverture');
    const b = structuredClone(a);
    b.title.values.en = { text: 'Opening', official: false };
    expect(computeChanges([day('2005-04-06', [a])], [day('2005-04-06', [b])]).map((c) => c.type)).toEqual(['retitled']);
  });
});
