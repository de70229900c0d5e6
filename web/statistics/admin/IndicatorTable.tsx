import { FormattedMessage, useIntl } from 'react-intl';
import type { Lang } from '../../../shared/lang.js';
import { categoryName, dimensionName } from '../reporting/labels.js';
import type { FullIndicator } from './model.js';

interface Props {
  items: FullIndicator[];
  lang: Lang;
  onEdit: (code: string) => void;
}

/** The framework at a glance, each row with its "Edit" button naming the indicator for screen readers. */
export function IndicatorTable({ items, lang, onEdit }: Props) {
  const intl = useIntl();
  const breakdowns = (i: FullIndicator) =>
    Object.entries(i.breakdowns)
      .map(([d, cats]) => `${dimensionName(intl, d)}: ${cats.map((c) => categoryName(intl, c)).join(', ')}`)
      .join('; ');
  return (
    <div className="table-scroll" tabIndex={0} aria-labelledby="indicator-table-caption">
      <table className="data indicator-table">
        <caption id="indicator-table-caption">
          <FormattedMessage id="statsAdmin.table.caption" values={{ count: items.length }} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="statsAdmin.field.code" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsAdmin.field.name" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsAdmin.field.unit" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsAdmin.field.breakdowns" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsAdmin.table.additive" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsAdmin.table.actions" />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code}>
              <th scope="row">
                <code>{i.code}</code>
              </th>
              <td>{i.name[lang]}</td>
              <td>{i.unit}</td>
              <td>{breakdowns(i) || <FormattedMessage id="statsAdmin.table.noBreakdowns" />}</td>
              <td>
                <FormattedMessage id={i.additive ? 'statsAdmin.table.yes' : 'statsAdmin.table.no'} />
              </td>
              <td>
                <button type="button" className="secondary" onClick={() => onEdit(i.code)}>
                  <FormattedMessage id="statsAdmin.table.edit" />
                  <span className="visually-hidden"> {i.name[lang]}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
