import type { Lang } from '../../../shared/lang.js';
import type {
  DocumentKind,
  DocumentStatus,
  Distribution,
  DocumentSummary,
  DocumentView,
  FileFormat,
} from '../../../shared/schemas/documents.js';
import { localize } from '../../../shared/text.js';
import { parseText } from '../../db/json.js';
import type { DocumentRow, FileMeta, RevisionRow } from './repository.js';

export const revisionLabel = (r: Pick<RevisionRow, 'kind' | 'seq'>): string | null =>
  r.kind === 'original' ? null : `${r.kind}. ${r.seq}`;

export const fileUrl = (documentId: string, lang: string, revision: number): string =>
  `/api/documents/${documentId}/files/${lang}?revision=${revision}`;

/** The revision a reader gets by default: the latest one with files, else the latest. */
export function currentRevision(revisions: RevisionRow[], files: FileMeta[]): RevisionRow | undefined {
  const withFiles = new Set(files.map((f) => f.revision_id));
  const sorted = [...revisions].sort((a, b) => b.number - a.number);
  return sorted.find((r) => withFiles.has(r.id)) ?? sorted[0];
}

/**
 * The language version for `lang` in a revision: that language, else the original, else any;
 * `fallback` says the reader did not get the language asked for.
 */
export function pickFile(
  files: FileMeta[],
  lang: Lang,
  originalLang: string,
): { file: FileMeta; fallback: boolean } | null {
  const wanted = files.find((f) => f.lang === lang);
  if (wanted) return { file: wanted, fallback: false };
  const original = files.find((f) => f.lang === originalLang) ?? files[0];
  return original ? { file: original, fallback: true } : null;
}

function common(doc: DocumentRow, revisions: RevisionRow[], files: FileMeta[], lang: Lang): DocumentSummary {
  const current = currentRevision(revisions, files);
  const currentFiles = current ? files.filter((f) => f.revision_id === current.id) : [];
  const picked = pickFile(currentFiles, lang, doc.original_lang);
  return {
    id: doc.id,
    symbol: doc.symbol,
    kind: doc.kind as DocumentKind,
    title: localize(parseText(doc.title, 'document.title'), lang),
    originalLang: doc.original_lang as Lang,
    date: doc.date,
    status: doc.status as DocumentStatus,
    distribution: doc.distribution as Distribution,
    agendaItemKey: doc.agenda_item_key,
    memberState: doc.member_state,
    organizationId: doc.organization_id,
    issuedAt: doc.issued_at,
    currentRevision: current?.number ?? 0,
    currentLabel: current ? revisionLabel(current) : null,
    languages: currentFiles.map((f) => f.lang as Lang),
    reading:
      picked && current
        ? {
            revision: current.number,
            lang: picked.file.lang as Lang,
            original: picked.file.role === 'original',
            official: picked.file.official === 1,
            fallback: picked.fallback,
            url: fileUrl(doc.id, picked.file.lang, current.number),
          }
        : null,
  };
}

export function presentSummary(doc: DocumentRow, revisions: RevisionRow[], files: FileMeta[], lang: Lang) {
  return common(doc, revisions, files, lang);
}

export function presentDocument(
  doc: DocumentRow,
  meetingSlug: string,
  revisions: RevisionRow[],
  files: FileMeta[],
  lang: Lang,
  can: { upload: boolean; issue: boolean },
): DocumentView {
  return {
    ...common(doc, revisions, files, lang),
    meeting: { slug: meetingSlug },
    supersededBy: doc.superseded_by,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    revisions: [...revisions]
      .sort((a, b) => a.number - b.number)
      .map((r) => ({
        number: r.number,
        kind: r.kind as 'original' | 'rev' | 'corr',
        label: revisionLabel(r),
        date: r.date,
        note: r.note,
        createdAt: r.created_at,
        files: files
          .filter((f) => f.revision_id === r.id)
          .map((f) => ({
            lang: f.lang as Lang,
            role: f.role as 'original' | 'translation',
            official: f.official === 1,
            format: f.format as FileFormat,
            contentType: f.content_type,
            fileName: f.file_name,
            size: f.size,
            sha256: f.sha256,
            url: fileUrl(doc.id, f.lang, r.number),
          })),
      })),
    can,
  };
}

/** Lower case without accents, for matching a query against symbols and titles in any language. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesQuery(doc: DocumentRow, q: string): boolean {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const title = parseText(doc.title, 'document.title');
  const haystack = fold([doc.symbol ?? '', ...Object.values(title.values).map((v) => v?.text ?? '')].join(' '));
  return words.every((w) => haystack.includes(w));
}
