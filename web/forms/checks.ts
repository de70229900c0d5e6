import type { IntlShape } from 'react-intl';
import type { FormError } from './problem.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side checks, collected in order of the fields so the summary reads top to bottom. */
export class Checks {
  readonly errors: FormError[] = [];

  constructor(private readonly intl: IntlShape) {}

  add(field: string | null, id: string, values?: Record<string, string | number>): this {
    this.errors.push({ field, message: this.intl.formatMessage({ id }, values) });
    return this;
  }

  /** `label` is the field's visible label, so the summary names it. */
  required(field: string, value: string, label: string): boolean {
    if (value.trim() !== '') return true;
    this.add(field, 'form.error.required', { field: label });
    return false;
  }

  email(field: string, value: string, label: string): this {
    if (this.required(field, value, label) && !EMAIL.test(value.trim())) this.add(field, 'form.error.email');
    return this;
  }

  /** An address only when one is given (optional fields). */
  optionalEmail(field: string, value: string): this {
    if (value.trim() !== '' && !EMAIL.test(value.trim())) this.add(field, 'form.error.email');
    return this;
  }

  /** At most `max` characters, counted as the server counts them (code points, before trimming). */
  maxLength(field: string, value: string, max: number, label: string): boolean {
    if ([...value].length <= max) return true;
    this.add(field, 'form.error.maxLength', { field: label, max });
    return false;
  }

  /** Blank, or a full http(s) address with a dotted host name, as the server requires. */
  webAddress(field: string, value: string): this {
    const text = value.trim();
    if (text === '') return this;
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
      this.add(field, 'form.error.website');
    }
    return this;
  }

  /** 8–128 characters (counted as the server counts them: code points). */
  password(field: string, value: string): this {
    const length = [...value].length;
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) this.add(field, 'form.error.passwordLength');
    return this;
  }

  confirm(field: string, password: string, confirmation: string): this {
    if (password !== confirmation) this.add(field, 'form.error.passwordMismatch');
    return this;
  }

  /** Six digits, or a recovery code (letters, digits and hyphens). */
  code(field: string, value: string, allowRecovery: boolean): this {
    const v = value.replace(/\s+/g, '');
    const ok = /^\d{6}$/.test(v) || (allowRecovery && /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/i.test(v));
    if (!ok) this.add(field, allowRecovery ? 'form.error.codeOrRecovery' : 'form.error.code');
    return this;
  }
}
