import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';
import type { Names } from './names.js';
import { PracticeLt } from './PracticeText.js';
import { practicePath, type PracticeHit } from './types.js';

/** The matched words in <mark>; every segment is text, never HTML. */
function Snippet({ segments }: { segments: NonNullable<PracticeHit['snippet']> }) {
  return (
    <p className="practice-snippet">
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  );
}

function Hit({ hit, names, focus }: { hit: PracticeHit; names: Names; focus: boolean }) {
  const lang = usePageLang();
  const intl = useIntl();
  const ref = useRef<HTMLAnchorElement>(null);
  // After "more results", the first new result takes focus: the reader goes on from there.
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const list = (values: string[]) => intl.formatList(values, { type: 'conjunction' });
  return (
    <li className="practice-entry">
      <h2>
        <Link ref={ref} to={practicePath.practice(lang, hit.id)}>
          <PracticeLt value={hit.title} marker={false} />
        </Link>
      </h2>
      {hit.snippet && hit.snippet.length > 0 ? (
        <Snippet segments={hit.snippet} />
      ) : (
        <p>
          <PracticeLt value={hit.summary} />
        </p>
      )}
      <p className="practice-line">
        <FormattedMessage
          id="practices.hit.themes"
          values={{ themes: list(hit.themes.map((t) => names.value('theme', t))) }}
        />
      </p>
      {hit.countries.length > 0 && (
        <p className="practice-line">
          <FormattedMessage id="practices.hit.countries" values={{ countries: list(hit.countries.map(names.state)) }} />
        </p>
      )}
    </li>
  );
}

/** The practices found, each title a link; `firstNew` is the index of the first of a later page. */
export function LibraryResults({ hits, names, firstNew }: { hits: PracticeHit[]; names: Names; firstNew: number }) {
  return (
    <ul className="practice-list">
      {hits.map((hit, i) => (
        <Hit key={hit.id} hit={hit} names={names} focus={firstNew > 0 && i === firstNew} />
      ))}
    </ul>
  );
}
