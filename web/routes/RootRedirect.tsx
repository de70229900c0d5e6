import { Navigate } from 'react-router';
import { browserLang } from '../i18n/negotiate.js';

/** `/` → the reader's best language; the server does the same from Accept-Language. */
export function RootRedirect() {
  return <Navigate replace to={`/${browserLang()}`} />;
}
