import type { Lang } from '../../shared/lang.js';
import type { AgendaDraft, AgendaDraftInput, DraftPresenter, MultiTextInput } from '../../shared/schemas/editing.js';
import { cleanText, emptyText, isBlank } from './multiText.js';

type InputItem = AgendaDraftInput['days'][number]['blocks'][number]['items'][number];

/** An item as edited: `uid` identifies it on screen (new items have no key until saved). */
export interface EditItem extends Omit<InputItem, 'key' | 'description'> {
  uid: string;
  key?: string;
  description: MultiTextInput;
}

export interface EditBlock extends Omit<AgendaDraft['days'][number]['blocks'][number], 'items'> {
  items: EditItem[];
}

export interface EditDraft {
  title: MultiTextInput;
  label: MultiTextInput | null;
  days: { date: string; blocks: EditBlock[] }[];
}

export interface Where {
  day: number;
  block: number;
  index: number;
}

export function fromDraft(draft: AgendaDraft): EditDraft {
  return {
    title: draft.title,
    label: draft.label,
    days: draft.days.map((day) => ({
      date: day.date,
      blocks: day.blocks.map((block) => ({
        ...block,
        items: block.items.map((item) => ({
          ...item,
          uid: item.key,
          description: item.description ?? emptyText(item.title.original),
        })),
      })),
    })),
  };
}

/** The PUT body: screen ids dropped, an empty description sent as null, empty versions dropped. */
export function toInput(draft: EditDraft): AgendaDraftInput {
  return {
    title: cleanText(draft.title),
    label: draft.label === null || isBlank(draft.label) ? null : cleanText(draft.label),
    days: draft.days.map((day) => ({
      date: day.date,
      blocks: day.blocks.map((block) => ({
        period: block.period,
        theme: block.theme,
        startTime: block.startTime,
        endTime: block.endTime,
        // Field by field: a field the server adds to its answer must not be echoed back (400).
        items: block.items.map((item) => ({
          ...(item.key === undefined ? {} : { key: item.key }),
          number: item.number,
          kind: item.kind,
          title: cleanText(item.title),
          description: isBlank(item.description) ? null : cleanText(item.description),
          presenters: item.presenters.map((p) =>
            p.type === 'organization' ? { type: p.type, id: p.id } : { type: p.type, name: p.name },
          ),
          alternatives: item.alternatives,
          startTime: item.startTime,
          endTime: item.endTime,
        })),
      })),
    })),
  };
}

export function locate(draft: EditDraft, uid: string): Where | null {
  for (const [d, day] of draft.days.entries())
    for (const [b, block] of day.blocks.entries()) {
      const index = block.items.findIndex((i) => i.uid === uid);
      if (index >= 0) return { day: d, block: b, index };
    }
  return null;
}

/** Numbers restart each day and run on across its blocks, as in the concept note. */
function renumber(draft: EditDraft, days: Set<number>): EditDraft {
  return {
    ...draft,
    days: draft.days.map((day, d) => {
      if (!days.has(d)) return day;
      let n = 0;
      return { ...day, blocks: day.blocks.map((b) => ({ ...b, items: b.items.map((i) => ({ ...i, number: ++n })) })) };
    }),
  };
}

function withItems(draft: EditDraft, day: number, block: number, items: (old: EditItem[]) => EditItem[]): EditDraft {
  return {
    ...draft,
    days: draft.days.map((dd, d) =>
      d !== day
        ? dd
        : { ...dd, blocks: dd.blocks.map((bb, b) => (b !== block ? bb : { ...bb, items: items(bb.items) })) },
    ),
  };
}

export function updateItem(draft: EditDraft, uid: string, patch: Partial<EditItem>): EditDraft {
  const at = locate(draft, uid);
  if (!at) return draft;
  return withItems(draft, at.day, at.block, (items) => items.map((i) => (i.uid === uid ? { ...i, ...patch } : i)));
}

/** One place up (-1) or down (+1) within its block. */
export function moveItem(draft: EditDraft, uid: string, by: -1 | 1): EditDraft {
  const at = locate(draft, uid);
  if (!at) return draft;
  const target = at.index + by;
  const moved = withItems(draft, at.day, at.block, (items) => {
    if (target < 0 || target >= items.length) return items;
    const copy = [...items];
    const [item] = copy.splice(at.index, 1);
    if (item) copy.splice(target, 0, item);
    return copy;
  });
  return renumber(moved, new Set([at.day]));
}

/** To the end of another block (of any day). */
export function moveToBlock(draft: EditDraft, uid: string, day: number, block: number): EditDraft {
  const at = locate(draft, uid);
  if (!at || (at.day === day && at.block === block)) return draft;
  const item = draft.days[at.day]?.blocks[at.block]?.items[at.index];
  if (!item) return draft;
  const removed = withItems(draft, at.day, at.block, (items) => items.filter((i) => i.uid !== uid));
  return renumber(
    withItems(removed, day, block, (items) => [...items, item]),
    new Set([at.day, day]),
  );
}

export function removeItem(draft: EditDraft, uid: string): EditDraft {
  const at = locate(draft, uid);
  if (!at) return draft;
  return renumber(
    withItems(draft, at.day, at.block, (items) => items.filter((i) => i.uid !== uid)),
    new Set([at.day]),
  );
}

let counter = 0;

/** A new, empty item at the end of a block; returns the draft and the item's screen id. */
export function addItem(draft: EditDraft, day: number, block: number, lang: Lang): [EditDraft, string] {
  const uid = `new-${++counter}`;
  const item: EditItem = {
    uid,
    number: 0,
    kind: 'presentation',
    title: emptyText(lang),
    description: emptyText(lang),
    presenters: [] as DraftPresenter[],
    alternatives: [],
    startTime: null,
    endTime: null,
  };
  return [
    renumber(
      withItems(draft, day, block, (items) => [...items, item]),
      new Set([day]),
    ),
    uid,
  ];
}

/** JSON pointer of an item in the PUT body (the server reports problems by it). */
export const itemPointer = (at: Where) => `/days/${at.day}/blocks/${at.block}/items/${at.index}`;
