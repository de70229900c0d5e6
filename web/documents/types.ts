import type { Lang } from '../../shared/lang.js';
import type { Agenda, AgendaItem } from '../../shared/schemas/agenda.js';
import type { DocumentSummary, DocumentView } from '../../shared/schemas/documents.js';
import { query } from '../api.js';

// Types only: the agenda page (main chunk) uses these, and the schema module would bring TypeBox.
export type { DocumentSummary, DocumentView };
export type DocumentFile = DocumentView['revisions'][number]['files'][number];
export type Revision = DocumentView['revisions'][number];

export interface DocumentList {
  items: DocumentSummary[];
  total: number;
}

/** The filters of the documents page, as kept in its address. */
export interface DocumentFilters {
  kind: string;
  language: string;
  agendaItem: string;
  status: string;
  q: string;
}
export const FILTER_NAMES = ['kind', 'language', 'agendaItem', 'status', 'q'] as const;

const enc = encodeURIComponent;

export const documentUrl = {
  list: (slug: string, lang: Lang, filters: Partial<DocumentFilters> = {}) =>
    `/api/meetings/${enc(slug)}/documents${query({ lang, ...filters })}`,
  create: (slug: string, lang: Lang) => `/api/meetings/${enc(slug)}/documents?lang=${lang}`,
  document: (id: string, lang: Lang) => `/api/documents/${enc(id)}?lang=${lang}`,
  upload: (id: string, fileLang: Lang, params: { fileName: string; official?: boolean; lang: Lang }) =>
    `/api/documents/${enc(id)}/files/${fileLang}${query({
      fileName: params.fileName,
      official: params.official === undefined ? undefined : String(params.official),
      lang: params.lang,
    })}`,
  issue: (id: string, lang: Lang) => `/api/documents/${enc(id)}/issue?lang=${lang}`,
  revisions: (id: string, lang: Lang) => `/api/documents/${enc(id)}/revisions?lang=${lang}`,
  supersede: (id: string, lang: Lang) => `/api/documents/${enc(id)}/supersede?lang=${lang}`,
  generated: (slug: string, lang: Lang) => `/api/meetings/${enc(slug)}/documents/generated?lang=${lang}`,
};

export const documentPath = {
  list: (lang: Lang, slug: string) => `/${lang}/meetings/${enc(slug)}/documents`,
  document: (lang: Lang, id: string) => `/${lang}/documents/${enc(id)}`,
  agendaItem: (lang: Lang, slug: string, key: string) => `/${lang}/meetings/${enc(slug)}/agenda#item-${key}`,
};

/** Every item of an agenda, in order, for pickers and names. */
export function agendaItems(agenda: Agenda): AgendaItem[] {
  return agenda.days.flatMap((day) => day.blocks.flatMap((block) => block.items));
}

/** Documents grouped by the agenda item they belong to. */
export function byAgendaItem(items: DocumentSummary[]): Map<string, DocumentSummary[]> {
  const groups = new Map<string, DocumentSummary[]>();
  for (const doc of items) {
    if (!doc.agendaItemKey) continue;
    const group = groups.get(doc.agendaItemKey) ?? [];
    group.push(doc);
    groups.set(doc.agendaItemKey, group);
  }
  return groups;
}
