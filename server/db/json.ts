import type { MultiText } from '../../shared/text.js';

/** JSON columns are text on both engines; parse in one place so a corrupt row fails loudly. */
export function parseJson<T>(raw: string, column: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`column ${column} holds invalid JSON`);
  }
}

export const parseText = (raw: string, column: string): MultiText => parseJson<MultiText>(raw, column);

export function parseOptionalText(raw: string | null, column: string): MultiText | null {
  return raw === null ? null : parseText(raw, column);
}

export const json = (value: unknown): string => JSON.stringify(value);
