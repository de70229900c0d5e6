import { Type, type Static } from 'typebox';
import { LANGS } from '../lang.js';

export const LangSchema = Type.Enum(LANGS, { description: 'One of the four official OAS languages' });

/**
 * A content text as read in one language: which language it is actually in, whether that is the
 * original, whether that version is official, and whether it is a fallback because the
 * requested language has no version yet.
 */
export const LocalizedTextSchema = Type.Object({
  text: Type.String(),
  lang: LangSchema,
  original: Type.Boolean(),
  official: Type.Boolean(),
  fallback: Type.Boolean(),
});
export type LocalizedText = Static<typeof LocalizedTextSchema>;
