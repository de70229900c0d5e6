import { FormattedMessage, useIntl } from 'react-intl';
import type { StatsLabels } from './labels.js';
import type { Indicator } from './types.js';

/** An indicator's definition, unit, breakdowns and methodology note, in the reader's language. */
export function IndicatorFacts({ indicator, labels }: { indicator: Indicator; labels: StatsLabels }) {
  const intl = useIntl();
  const unitId = `statsDash.unit.${indicator.unit}`;
  const unit = intl.messages[unitId] === undefined ? indicator.unit : intl.formatMessage({ id: unitId });
  const breakdowns = Object.entries(indicator.breakdowns);
  return (
    <dl className="stats-facts">
      <dt>
        <FormattedMessage id="statsDash.facts.definition" />
      </dt>
      <dd>{indicator.definition}</dd>
      <dt>
        <FormattedMessage id="statsDash.facts.unit" />
      </dt>
      <dd>{unit}</dd>
      <dt>
        <FormattedMessage id="statsDash.facts.breakdowns" />
      </dt>
      <dd>
        {breakdowns.length === 0 ? (
          <FormattedMessage id="statsDash.facts.noBreakdowns" />
        ) : (
          breakdowns
            .map(
              ([d, categories]) =>
                `${labels.dimension(d)} (${intl.formatList(
                  categories.map((c) => labels.category(c)),
                  { type: 'conjunction' },
                )})`,
            )
            .join('; ') + '.'
        )}
        {indicator.additive && (
          <>
            {' '}
            <FormattedMessage id="statsDash.facts.additive" />
          </>
        )}
      </dd>
      <dt>
        <FormattedMessage id="statsDash.facts.methodology" />
      </dt>
      <dd>{indicator.methodology}</dd>
    </dl>
  );
}
