import type { AuditEntry, AuditPage } from '../../shared/schemas/audit.js';

export type { AuditEntry, AuditPage };
export type AuditChange = AuditEntry['changes'][string];
// A copy, not an import: the schema module would bring TypeBox into the browser bundle.
export const OUTCOMES = ['success', 'denied', 'failure'] as const satisfies readonly AuditEntry['outcome'][];

export const AUDIT_FILTERS = ['action', 'actor', 'objectType', 'outcome', 'from', 'to'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

/** The next calendar day, as YYYY-MM-DD. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Dates are whole UTC days: from the start of `from` to the end of `to` (the API's `to` is exclusive). */
export function auditQuery(params: URLSearchParams): Record<string, string | null> {
  const date = (name: string) => {
    const v = params.get(name);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  };
  const from = date('from');
  const to = date('to');
  return {
    action: params.get('action'),
    actor: params.get('actor'),
    objectType: params.get('objectType'),
    outcome: params.get('outcome'),
    from: from && `${from}T00:00:00.000Z`,
    to: to && `${dayAfter(to)}T00:00:00.000Z`,
  };
}
