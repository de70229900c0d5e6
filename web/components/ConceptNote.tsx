import { FormattedMessage } from 'react-intl';
import type { ConceptSection } from '../../shared/schemas/meeting.js';
import { Lt, LtHeading, LtMarker, sameStatus } from './LocalizedText.js';
import { PlainText } from './PlainText.js';

function Section({ section }: { section: ConceptSection }) {
  const id = `concept-${section.kind}`;
  return (
    <section className="concept-section" aria-labelledby={id}>
      <LtHeading level={3} value={section.heading} id={id} />
      {!sameStatus(section.heading, section.body) && <LtMarker value={section.body} block />}
      <PlainText value={section.body} />
      {section.notes.length > 0 && (
        <div className="footnotes">
          <h4>
            <FormattedMessage id="meeting.notes" />
          </h4>
          <ol>
            {section.notes.map((note, i) => (
              <li key={i}>
                <Lt value={note} marker={!sameStatus(section.heading, note)} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** The concept note: one sub-section per part, with its footnotes. */
export function ConceptNote({ sections }: { sections: ConceptSection[] }) {
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="concept-note">
      <h2 id="concept-note">
        <FormattedMessage id="meeting.conceptNote" />
      </h2>
      {sections.map((section) => (
        <Section key={section.kind} section={section} />
      ))}
    </section>
  );
}
