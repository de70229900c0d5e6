import { randomUUID } from 'node:crypto';

/** Random ids: the same on both engines, not guessable, not a count of rows. */
export const newId = (): string => randomUUID();

export const nowIso = (): string => new Date().toISOString();
