import { FormattedMessage } from 'react-intl';

export function Footer() {
  return (
    <footer className="site-footer">
      <p>
        <FormattedMessage id="footer.about" />
      </p>
      <p>
        <FormattedMessage id="footer.languages" />
      </p>
    </footer>
  );
}
