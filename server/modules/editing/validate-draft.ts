import { randomInt } from 'node:crypto';
import type { Lang } from '../../../shared/lang.js';
import type { AgendaDraftInput } from '../../../shared/schemas/editing.js';
import type { MultiText } from '../../../shared/text.js';
import type { StoredPresenter, TreeDay, TreeItem } from '../agenda/tree.js';
import { checkTimes, Issues, isRealDate, normalizeOptionalText, normalizeText } from './validation.js';

type LangRecord = Record<Lang, string | null>;

export interface DraftContext {
  startDate: string;
  endDate: string;
  /** Keys of the current draft and of every published version: a client may keep or restore these. */
  knownKeys: Set<string>;
  organizations: Map<string, { name: LangRecord; acronym: LangRecord }>;
}

export interface ValidDraft {
  title: MultiText;
  label: MultiText | null;
  days: TreeDay[];
}

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `i-` and 8 random characters: 2.8e12 possibilities, checked against the keys in use anyway. */
export function newItemKey(taken: Set<string>): string {
  for (;;) {
    let key = 'i-';
    for (let i = 0; i < 8; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
    if (!taken.has(key)) return key;
  }
}

/** Organisation ids named as presenters anywhere in the draft (looked up before validating). */
export function presenterOrganizationIds(input: AgendaDraftInput): string[] {
  const ids = new Set<string>();
  for (const d of input.days)
    for (const b of d.blocks)
      for (const i of b.items) for (const p of i.presenters) if (p.type === 'organization') ids.add(p.id);
  return [...ids];
}

/**
 * Checks a whole draft tree and turns it into what is stored: days inside the meeting and unique,
 * one block per period a day, times that make sense, item numbers unique within a day, keys unique
 * and either known (kept, so the change log follows the item) or absent (a new item gets one),
 * presenters that exist. Every problem is reported, each with its path.
 */
export function validateDraft(input: AgendaDraftInput, ctx: DraftContext): ValidDraft {
  const issues = new Issues();
  const title = normalizeText(input.title, 'body/title', issues);
  const label = normalizeOptionalText(input.label, 'body/label', issues);
  const dates = new Set<string>();
  const keys = new Set<string>();
  const pendingNewItems: TreeItem[] = [];

  const days = input.days.map((day, d): TreeDay => {
    const dayPath = `body/days/${d}`;
    if (!isRealDate(day.date)) issues.add(`${dayPath}/date`, 'is not a calendar date');
    else if (day.date < ctx.startDate || day.date > ctx.endDate) {
      issues.add(`${dayPath}/date`, `must be within the meeting (${ctx.startDate} to ${ctx.endDate})`);
    }
    if (dates.has(day.date)) issues.add(`${dayPath}/date`, `${day.date} appears twice`);
    dates.add(day.date);
    const periods = new Set<string>();
    const numbers = new Set<number>();

    const blocks = day.blocks.map((block, b) => {
      const blockPath = `${dayPath}/blocks/${b}`;
      if (periods.has(block.period)) issues.add(`${blockPath}/period`, `${block.period} appears twice on this day`);
      periods.add(block.period);
      checkTimes(block.startTime, block.endTime, blockPath, issues);

      const items = block.items.map((item, i): TreeItem => {
        const itemPath = `${blockPath}/items/${i}`;
        if (numbers.has(item.number)) issues.add(`${itemPath}/number`, `number ${item.number} is used twice this day`);
        numbers.add(item.number);
        checkTimes(item.startTime, item.endTime, itemPath, issues);
        if (item.key !== undefined) {
          if (keys.has(item.key)) issues.add(`${itemPath}/key`, `key "${item.key}" appears twice`);
          else if (!ctx.knownKeys.has(item.key)) {
            issues.add(`${itemPath}/key`, `unknown key "${item.key}"; leave the key out for a new item`);
          }
          keys.add(item.key);
        }
        const stored: TreeItem = {
          key: item.key ?? '',
          number: item.number,
          kind: item.kind,
          title: normalizeText(item.title, `${itemPath}/title`, issues),
          description: normalizeOptionalText(item.description, `${itemPath}/description`, issues),
          presenters: item.presenters.map((p, n): StoredPresenter => {
            if (p.type === 'person') {
              const name = p.name.normalize('NFC').trim();
              if (name === '') issues.add(`${itemPath}/presenters/${n}/name`, 'must not be empty');
              return { type: 'person', name };
            }
            const org = ctx.organizations.get(p.id);
            if (!org) {
              issues.add(`${itemPath}/presenters/${n}/id`, `no organisation "${p.id}"`);
              return { type: 'organization', id: p.id, name: emptyNames(), acronym: emptyNames() };
            }
            return { type: 'organization', id: p.id, name: org.name, acronym: org.acronym };
          }),
          alternatives: item.alternatives.map((a, n) => normalizeText(a, `${itemPath}/alternatives/${n}`, issues)),
          startTime: item.startTime,
          endTime: item.endTime,
        };
        if (item.key === undefined) pendingNewItems.push(stored);
        return stored;
      });
      return {
        period: block.period,
        theme: normalizeOptionalText(block.theme, `${blockPath}/theme`, issues),
        startTime: block.startTime,
        endTime: block.endTime,
        items,
      };
    });
    return { date: day.date, blocks };
  });
  issues.throwIfAny();

  // Keys for new items are drawn last, avoiding every key in use or ever published.
  const taken = new Set([...ctx.knownKeys, ...keys]);
  for (const item of pendingNewItems) {
    item.key = newItemKey(taken);
    taken.add(item.key);
  }
  return { title, label, days };
}

function emptyNames(): LangRecord {
  return { en: null, es: null, fr: null, pt: null };
}
