import { useEffect, useRef } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { AuditChange, AuditEntry } from './auditTypes.js';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ changes }: { changes: Record<string, AuditChange> | null }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return null;
  return (
    <ul className="changes-list">
      {entries.map(([field, change]) => (
        <li key={field}>
          <code>{field}</code>: <span className="before">{show(change.before)}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden">
            {' '}
            <FormattedMessage id="audit.becomes" />{' '}
          </span>{' '}
          <span className="after">{show(change.after)}</span>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  items: AuditEntry[];
  /** Index of the first row of the last "load more": it takes focus. */
  focusFrom: number | null;
}

/** The trail as a table; on a narrow screen it scrolls sideways in its own keyboard-focusable box. */
export function AuditTable({ items, focusFrom }: Props) {
  const intl = useIntl();
  const firstNew = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (focusFrom !== null) firstNew.current?.focus();
  }, [focusFrom]);
  return (
    <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data">
        <caption id="audit-caption">
          <FormattedMessage id="audit.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="audit.when" />
            </th>
            <th scope="col">
              <FormattedMessage id="audit.actor" />
            </th>
            <th scope="col">
              <FormattedMessage id="audit.action" />
            </th>
            <th scope="col">
              <FormattedMessage id="audit.object" />
            </th>
            <th scope="col">
              <FormattedMessage id="audit.outcome" />
            </th>
            <th scope="col">
              <FormattedMessage id="audit.changes" />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry, i) => (
            <tr key={entry.id}>
              <th scope="row" ref={i === focusFrom ? firstNew : undefined} tabIndex={i === focusFrom ? -1 : undefined}>
                <time dateTime={entry.at}>
                  <FormattedDate value={entry.at} dateStyle="medium" timeStyle="medium" timeZone="UTC" />
                </time>
              </th>
              <td>
                {entry.actorLabel ??
                  intl.formatMessage({ id: `audit.actorType.${entry.actorType}`, defaultMessage: entry.actorType })}
                {entry.role && <span className="note"> ({entry.role})</span>}
                {entry.ip && <div className="note">{entry.ip}</div>}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.objectType && <code>{entry.objectType}</code>}
                {entry.objectId && <div className="note">{entry.objectId}</div>}
              </td>
              <td>
                <span className={`outcome outcome-${entry.outcome}`}>
                  {intl.formatMessage({ id: `audit.outcome.${entry.outcome}`, defaultMessage: entry.outcome })}
                </span>
              </td>
              <td>
                <Changes changes={entry.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
