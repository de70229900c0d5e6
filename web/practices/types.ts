import type { TEXT_FIELDS, TEXT_SOURCES } from '../../shared/practice-vocabulary.js';
import type { Lang } from '../../shared/lang.js';
import type { PersonalDataWarning, PracticeInput, PracticeView, SearchResult } from '../../shared/schemas/practices.js';
import { query } from '../api.js';

// Types only: the schema module would bring TypeBox into the chunk.
export type { PersonalDataWarning, PracticeInput, PracticeView, SearchResult };
export type PracticeHit = SearchResult['items'][number];
export type LocalizedPracticeText = PracticeHit['title'];
export type PracticeTextValue = PracticeInput['title'];

export interface WorkItem {
  id: string;
  title: LocalizedPracticeText;
  status: PracticeView['status'];
  revision: number;
  publishedRevision: number | null;
  memberState: string | null;
  organizationId: string | null;
  updatedAt: string;
}

// The closed lists, from the TypeBox-free module (the schema library stays out of the bundle).
export {
  EXPLOITATION_FORMS,
  TARGET_GROUPS,
  TEXT_FIELDS,
  TEXT_SOURCES,
  THEMES,
} from '../../shared/practice-vocabulary.js';
export type TextSource = (typeof TEXT_SOURCES)[number];
export type PracticeTextField = (typeof TEXT_FIELDS)[number];

/** The search of the library page, as kept in its address: words, sort and one value per facet. */
export const FILTER_NAMES = ['theme', 'targetGroup', 'form', 'subregion', 'country', 'orgKind', 'year'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type LibrarySearch = Record<FilterName | 'q' | 'sort', string>;

const enc = encodeURIComponent;

export const practiceUrl = {
  search: (lang: Lang, search: Partial<LibrarySearch>, cursor?: string | null) =>
    `/api/practices${query({ ...search, lang, cursor, limit: 20 })}`,
  work: (lang: Lang) => `/api/practices/work?lang=${lang}`,
  create: (lang: Lang) => `/api/practices?lang=${lang}`,
  practice: (id: string, lang: Lang) => `/api/practices/${enc(id)}?lang=${lang}`,
  action: (id: string, action: 'submission' | 'review' | 'revisions' | 'comments', lang: Lang) =>
    `/api/practices/${enc(id)}/${action}?lang=${lang}`,
  attachment: (id: string, attachment: string) => `/api/practices/${enc(id)}/attachments/${enc(attachment)}`,
  upload: (id: string, fileName: string) => `/api/practices/${enc(id)}/attachments${query({ fileName })}`,
};

export const practicePath = {
  library: (lang: Lang) => `/${lang}/practices`,
  work: (lang: Lang) => `/${lang}/practices/work`,
  create: (lang: Lang) => `/${lang}/practices/new`,
  practice: (lang: Lang, id: string) => `/${lang}/practices/${enc(id)}`,
  edit: (lang: Lang, id: string) => `/${lang}/practices/${enc(id)}/edit`,
};
