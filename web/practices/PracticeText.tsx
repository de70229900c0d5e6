import { useIntl, type IntlShape } from 'react-intl';
import type { Lang } from '../../shared/lang.js';
import { usePageLang } from '../i18n/hooks.js';
import type { LocalizedPracticeText } from './types.js';

/**
 * What a reader should know about a text: it falls back to the original, it is the original in
 * another language, or it is a translation by the secretariat or an unofficial one.
 */
export function practiceMarker(value: LocalizedPracticeText, pageLang: Lang, intl: IntlShape): string | null {
  const name = (l: Lang) => intl.formatMessage({ id: `lang.name.${l}` });
  const out: string[] = [];
  if (value.fallback) {
    out.push(
      intl.formatMessage({ id: 'practices.text.fallback' }, { wanted: name(pageLang), language: name(value.lang) }),
    );
  } else if (value.original && value.lang !== pageLang) {
    out.push(intl.formatMessage({ id: 'text.original' }, { language: name(value.lang) }));
  }
  if (!value.original && value.source !== 'submitter') {
    out.push(intl.formatMessage({ id: `practices.text.source.${value.source}` }));
  }
  return out.length > 0 ? out.join(' · ') : null;
}

/** A practice text inline, in its own language, with its note in brackets. */
export function PracticeLt({ value, marker = true }: { value: LocalizedPracticeText; marker?: boolean }) {
  const intl = useIntl();
  const pageLang = usePageLang();
  const note = marker ? practiceMarker(value, pageLang, intl) : null;
  return (
    <>
      <span lang={value.lang === pageLang ? undefined : value.lang}>{value.text}</span>
      {note && <span className="lt-marker"> ({note})</span>}
    </>
  );
}

/** A long text (description, results): paragraphs kept, in its own language, its note above. */
export function PracticeBlock({ value }: { value: LocalizedPracticeText }) {
  const intl = useIntl();
  const pageLang = usePageLang();
  const note = practiceMarker(value, pageLang, intl);
  return (
    <>
      {note && <p className="lt-marker">{note}</p>}
      <div lang={value.lang === pageLang ? undefined : value.lang} className="practice-text">
        {value.text.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
    </>
  );
}
