import type { Lang } from '../../../shared/lang.js';
import type { PersonInput } from '../../../shared/schemas/participation.js';
import { Issues } from '../editing/validation.js';

/*
 * Bidirectional controls (embeddings, overrides, isolates) let a name display differently from
 * what it is ("Trojan Source"): refused. Other controls and invisible separators likewise;
 * letters of any script are welcome.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const OTHER_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export interface NormalizedPerson {
  givenName: string;
  familyName: string;
  title: string | null;
  position: string | null;
  institution: string | null;
  email: string;
  phone: string | null;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  preferredLang: Lang;
  idDocumentNumber: string | null;
  publicListConsent: boolean;
}

function clean(value: string | null | undefined, path: string, issues: Issues, required: boolean): string | null {
  const text = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (BIDI_CONTROLS.test(value ?? ''))
    issues.add(path, 'contains bidirectional control characters', 'control_characters');
  else if (OTHER_CONTROLS.test(value ?? '')) issues.add(path, 'contains control characters', 'control_characters');
  if (required && text === '') issues.add(path, 'must not be blank', 'blank');
  return text === '' ? null : text;
}

/**
 * Names in any script, normalised to NFC so the same name typed on two keyboards compares equal;
 * emails lower-cased in the domain only (the local part is the mail server's business).
 */
export function normalizePerson(
  input: PersonInput,
  options: { path: string; fallbackLang: Lang; requiresIdDocument: boolean },
): NormalizedPerson {
  const issues = new Issues();
  const p = options.path;
  const givenName = clean(input.givenName, `${p}/givenName`, issues, true) ?? '';
  const familyName = clean(input.familyName, `${p}/familyName`, issues, true) ?? '';
  const title = clean(input.title, `${p}/title`, issues, false);
  const position = clean(input.position, `${p}/position`, issues, false);
  const institution = clean(input.institution, `${p}/institution`, issues, false);
  const rawEmail = input.email.normalize('NFC').trim();
  const at = rawEmail.lastIndexOf('@');
  const email = `${rawEmail.slice(0, at)}@${rawEmail.slice(at + 1).toLowerCase()}`;
  const phone = clean(input.phone, `${p}/phone`, issues, false);
  const idDocumentNumber = clean(input.idDocumentNumber, `${p}/idDocumentNumber`, issues, false);
  if (options.requiresIdDocument && !idDocumentNumber) {
    issues.add(`${p}/idDocumentNumber`, 'this meeting requires an identity-document number', 'id_document_required');
  }
  issues.throwIfAny();
  return {
    givenName,
    familyName,
    title,
    position,
    institution,
    email,
    phone,
    gender: input.gender ?? 'undisclosed',
    preferredLang: input.preferredLang ?? options.fallbackLang,
    // Not asked for, not kept: a number the meeting does not need is dropped, not stored.
    idDocumentNumber: options.requiresIdDocument ? idDocumentNumber : null,
    publicListConsent: input.publicListConsent ?? false,
  };
}

/** The key names sort by: family name first, case- and accent-insensitive enough for a list. */
export function sortName(familyName: string, givenName: string): string {
  return `${familyName} ${givenName}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
