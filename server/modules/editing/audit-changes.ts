import type { Change } from '../../audit/audit.js';

/** Longest value kept in an audit entry: enough to recognise an edit, not a second copy of a 20k text. */
export const AUDIT_VALUE_MAX = 500;
/** Most fields listed per entry; a wholesale rewrite is summarised rather than stored in full. */
export const AUDIT_FIELDS_MAX = 100;

type Leaf = string | number | boolean | null;

/** `{ title: { values: { fr: { text } } } }` → `{ 'title.values.fr.text': … }`; arrays index by position. */
export function flatten(value: unknown, prefix = '', out: Record<string, Leaf> = {}): Record<string, Leaf> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = null;
    return out;
  }
  if (typeof value !== 'object') {
    out[prefix] = value as Leaf;
    return out;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0 && prefix) out[prefix] = Array.isArray(value) ? '[]' : '{}';
  for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function cut(value: Leaf): Leaf {
  if (typeof value !== 'string' || value.length <= AUDIT_VALUE_MAX) return value;
  return `${value.slice(0, AUDIT_VALUE_MAX)}… [${value.length} characters]`;
}

/**
 * Field-by-field before/after of two snapshots, each value cut to AUDIT_VALUE_MAX characters and
 * at most AUDIT_FIELDS_MAX fields (then a count of the rest), so an entry stays useful and bounded.
 */
export function auditChanges(before: unknown, after: unknown, prefix = ''): Record<string, Change> {
  const a = flatten(before, prefix);
  const b = flatten(after, prefix);
  const out: Record<string, Change> = {};
  let omitted = 0;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[field] ?? null;
    const now = b[field] ?? null;
    if (was === now) continue;
    if (Object.keys(out).length >= AUDIT_FIELDS_MAX) {
      omitted++;
      continue;
    }
    out[field] = { before: cut(was), after: cut(now) };
  }
  if (omitted > 0) out['…'] = { before: null, after: `${omitted} more fields changed` };
  return out;
}
