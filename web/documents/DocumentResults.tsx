import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { Lt } from '../components/LocalizedText.js';
import { usePageLang } from '../i18n/hooks.js';
import { DocumentBadges, DocumentDate, LanguageNames } from './DocumentBits.js';
import { documentPath, type DocumentSummary } from './types.js';

function Entry({ doc, item }: { doc: DocumentSummary; item: AgendaItem | undefined }) {
  const lang = usePageLang();
  return (
    <li className="document-entry">
      <h2>
        <Link to={documentPath.document(lang, doc.id)}>
          <Lt value={doc.title} marker={false} />
        </Link>
      </h2>
      <p className="document-line">
        {doc.symbol ? <span className="symbol">{doc.symbol}</span> : <FormattedMessage id="documents.noSymbol" />}
        {doc.currentLabel && <> ({doc.currentLabel})</>}
        {' · '}
        <FormattedMessage id={`documents.kind.${doc.kind}`} />
        {' · '}
        <DocumentDate date={doc.date} />
      </p>
      <p className="document-line">
        <DocumentBadges doc={doc} />{' '}
        <FormattedMessage
          id="documents.languagesLine"
          values={{ languages: <LanguageNames langs={doc.languages} /> }}
        />
      </p>
      {item && (
        <p className="document-line">
          <FormattedMessage
            id="documents.agendaItemName"
            values={{ number: item.number, title: <Lt value={item.title} marker={false} /> }}
          />
        </p>
      )}
    </li>
  );
}

/** The documents found: a list (a table would scroll sideways on a phone), each title a link. */
export function DocumentResults({ items, agendaItems }: { items: DocumentSummary[]; agendaItems: AgendaItem[] }) {
  const byKey = new Map(agendaItems.map((i) => [i.key, i]));
  return (
    <ul className="document-list">
      {items.map((doc) => (
        <Entry key={doc.id} doc={doc} item={doc.agendaItemKey ? byKey.get(doc.agendaItemKey) : undefined} />
      ))}
    </ul>
  );
}
