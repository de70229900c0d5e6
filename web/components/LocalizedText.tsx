import type { ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { Lang } from '../../shared/lang.js';
import type { LocalizedText } from '../../shared/schemas/text.js';
import { usePageLang } from '../i18n/hooks.js';

/** The `lang` attribute a text needs: only when it differs from the page's. */
export function langAttr(value: LocalizedText, pageLang: Lang): Lang | undefined {
  return value.lang === pageLang ? undefined : value.lang;
}

/** Two texts that would carry the same marker (a body need not repeat its heading's). */
export function sameStatus(a: LocalizedText, b: LocalizedText): boolean {
  return a.lang === b.lang && a.official === b.official && a.fallback === b.fallback && a.original === b.original;
}

function markerTexts(value: LocalizedText, pageLang: Lang, intl: IntlShape): string[] {
  const name = (lang: Lang) => intl.formatMessage({ id: `lang.name.${lang}` });
  const out: string[] = [];
  if (value.fallback) {
    out.push(
      intl.formatMessage({ id: 'text.fallback' }, { pageLanguage: name(pageLang), textLanguage: name(value.lang) }),
    );
  } else if (value.lang !== pageLang && value.original) {
    out.push(intl.formatMessage({ id: 'text.original' }, { language: name(value.lang) }));
  }
  if (!value.official) out.push(intl.formatMessage({ id: 'agenda.unofficialTranslation' }));
  return out;
}

/** The small note saying a text is a fallback, an original in another language or unofficial. */
export function LtMarker({ value, block = false }: { value: LocalizedText; block?: boolean }) {
  const intl = useIntl();
  const pageLang = usePageLang();
  const texts = markerTexts(value, pageLang, intl);
  if (texts.length === 0) return null;
  const content = texts.join(' · ');
  if (block) return <p className="lt-marker">{content}</p>;
  return (
    <>
      {' '}
      <span className="lt-marker">({content})</span>
    </>
  );
}

interface LtProps {
  value: LocalizedText;
  /** false when a nearby text already carries the same marker */
  marker?: boolean;
}

/** A content text inline, in its own language, with its marker. */
export function Lt({ value, marker = true }: LtProps) {
  const pageLang = usePageLang();
  return (
    <>
      <span lang={langAttr(value, pageLang)}>{value.text}</span>
      {marker && <LtMarker value={value} />}
    </>
  );
}

const HEADINGS = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4' } as const;

interface LtHeadingProps {
  level: keyof typeof HEADINGS;
  value: LocalizedText;
  id?: string;
  before?: ReactNode;
}

/** A heading made of a content text; its marker goes below, outside the heading's name. */
export function LtHeading({ level, value, id, before }: LtHeadingProps) {
  const pageLang = usePageLang();
  const Tag = HEADINGS[level];
  return (
    <>
      <Tag id={id}>
        {before}
        <span lang={langAttr(value, pageLang)}>{value.text}</span>
      </Tag>
      <LtMarker value={value} block />
    </>
  );
}
