import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useSearchParams } from 'react-router';

/** Previous / next links for page-numbered lists, keeping the other query parameters. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const intl = useIntl();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  const to = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `${pathname}?${next.toString()}`;
  };
  return (
    <nav className="pager" aria-label={intl.formatMessage({ id: 'pager.label' })}>
      <ul>
        {page > 1 && (
          <li>
            <Link to={to(page - 1)}>
              <FormattedMessage id="pager.previous" />
            </Link>
          </li>
        )}
        <li aria-current="page">
          <FormattedMessage id="pager.position" values={{ page, pages }} />
        </li>
        {page < pages && (
          <li>
            <Link to={to(page + 1)}>
              <FormattedMessage id="pager.next" />
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The page number of the URL: a positive integer, else 1. */
export function pageParam(params: URLSearchParams): number {
  const raw = params.get('page') ?? '';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}
