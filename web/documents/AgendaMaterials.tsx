import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { Lang } from '../../shared/lang.js';
import { getJson } from '../api.js';
import { Lt } from '../components/LocalizedText.js';
import { usePageLang } from '../i18n/hooks.js';
import { byAgendaItem, documentPath, documentUrl, type DocumentList, type DocumentSummary } from './types.js';

export type Materials = Map<string, DocumentSummary[]>;

/**
 * The meeting's documents the reader may see, grouped by agenda item: one request for the whole
 * agenda, made alongside the agenda's own; null until it settled. A failure gives no materials
 * (the agenda stands without them). Never cancelled: when the reader moves on, the answer is
 * ignored, as a small list costs less to finish than a cancelled request leaves behind.
 */
export function useAgendaMaterials(slug: string, lang: Lang): Materials | null {
  const url = `${documentUrl.list(slug, lang)}&limit=200`;
  const [loaded, setLoaded] = useState<{ url: string; groups: Materials } | null>(null);
  useEffect(() => {
    let current = true;
    const settle = (groups: Materials) => {
      if (current) setLoaded({ url, groups });
    };
    getJson<DocumentList>(url, new AbortController().signal).then(
      (list) => settle(byAgendaItem(list.items)),
      () => settle(new Map()),
    );
    return () => {
      current = false;
    };
  }, [url]);
  return loaded?.url === url ? loaded.groups : null;
}

/** Under an agenda item: the documents attached to it, each a link to its page. */
export function AgendaMaterials({ docs }: { docs: DocumentSummary[] | undefined }) {
  const lang = usePageLang();
  if (!docs || docs.length === 0) return null;
  return (
    <div className="materials">
      <p className="materials-label">
        <FormattedMessage id="documents.materials" values={{ count: docs.length }} />
      </p>
      <ul>
        {docs.map((doc) => (
          <li key={doc.id}>
            <Link to={documentPath.document(lang, doc.id)}>
              <Lt value={doc.title} marker={false} />
            </Link>
            {doc.symbol && <span className="symbol"> ({doc.symbol})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
