import type { Lang } from '../../../shared/lang.js';
import type { Agenda, AgendaBlock, AgendaChange, AgendaItem, Presenter } from '../../../shared/schemas/agenda.js';
import type { AgendaPeriod } from '../../../shared/schemas/meeting.js';
import { localize } from '../../../shared/text.js';
import { parseJson, parseOptionalText, parseText } from '../../db/json.js';
import type { SessionHours } from '../meeting/presenter.js';
import type { MeetingRow } from '../meeting/repository.js';
import type { VersionRow } from './repository.js';
import type { StoredChange, StoredPresenter, TreeBlock, TreeDay, TreeItem } from './tree.js';

function presentPresenter(p: StoredPresenter, lang: Lang): Presenter {
  if (p.type === 'person') return p;
  return { type: 'organization', id: p.id, name: p.name[lang] ?? p.name.en ?? p.id, acronym: p.acronym[lang] ?? null };
}

function presentItem(item: TreeItem, lang: Lang): AgendaItem {
  return {
    key: item.key,
    number: item.number,
    kind: item.kind,
    title: localize(item.title, lang),
    description: item.description ? localize(item.description, lang) : null,
    presenters: item.presenters.map((p) => presentPresenter(p, lang)),
    alternatives: item.alternatives.map((a) => localize(a, lang)),
    startTime: item.startTime,
    endTime: item.endTime,
  };
}

/** A block without its own times takes the meeting's default hours for its period, flagged indicative. */
function presentBlock(
  block: TreeBlock,
  hours: Map<AgendaPeriod, { start: string; end: string }>,
  lang: Lang,
): AgendaBlock {
  const defaults = hours.get(block.period);
  const own = block.startTime !== null;
  return {
    period: block.period,
    theme: block.theme ? localize(block.theme, lang) : null,
    startTime: own ? block.startTime : (defaults?.start ?? null),
    endTime: own ? block.endTime : (defaults?.end ?? null),
    timesIndicative: !own && defaults !== undefined,
    items: block.items.map((i) => presentItem(i, lang)),
  };
}

function presentChange(c: StoredChange, lang: Lang): AgendaChange {
  return {
    type: c.type,
    key: c.key,
    title: localize(c.title, lang),
    previousTitle: c.previousTitle ? localize(c.previousTitle, lang) : null,
    from: c.from,
    to: c.to,
  };
}

export function presentVersionSummary(v: VersionRow, lang: Lang) {
  const label = parseOptionalText(v.label, 'agenda_version.label');
  return {
    number: v.number ?? 0,
    label: label ? localize(label, lang) : null,
    publishedAt: v.published_at ?? v.updated_at,
  };
}

export function presentAgenda(input: {
  meeting: MeetingRow;
  sessionHours: SessionHours;
  version: VersionRow;
  versions: VersionRow[];
  days: TreeDay[];
  lang: Lang;
}): Agenda {
  const { meeting, version, versions, days, lang } = input;
  const hours = new Map<AgendaPeriod, { start: string; end: string }>(
    input.sessionHours.map((h) => [h.period, { start: h.start, end: h.end }]),
  );
  return {
    meeting: {
      slug: meeting.slug,
      title: localize(parseText(meeting.title, 'meeting.title'), lang),
      timeZone: meeting.time_zone,
    },
    lang,
    title: localize(parseText(version.title, 'agenda_version.title'), lang),
    version: presentVersionSummary(version, lang),
    latestVersion: versions.at(-1)?.number ?? 0,
    versions: versions.map((v) => presentVersionSummary(v, lang)),
    changes: parseJson<StoredChange[]>(version.changes, 'agenda_version.changes').map((c) => presentChange(c, lang)),
    days: days.map((d) => ({ date: d.date, blocks: d.blocks.map((b) => presentBlock(b, hours, lang)) })),
  };
}
