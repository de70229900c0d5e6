import { useEffect, useRef, type ReactNode } from 'react';
import { ScrollRestoration, useLocation } from 'react-router';
import type { Lang } from '../../shared/lang.js';
import { Footer } from '../components/Footer.js';
import { Header, MAIN_ID } from '../components/Header.js';

/** Landmarks shared by every page; moves focus to <main> after a client-side navigation. */
export function Shell({ lang, home, children }: { lang: Lang | null; home: Lang; children: ReactNode }) {
  const { pathname, search } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPage = useRef<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = home;
  }, [home]);

  // Screen-reader users otherwise stay on the link they followed and hear nothing of the new page.
  // A change of language only (same page) keeps focus on the switcher the reader just used.
  useEffect(() => {
    const page = `${pathname.split('/').slice(2).join('/')}${search}`;
    const previous = previousPage.current;
    previousPage.current = page;
    if (previous !== null && previous !== page) mainRef.current?.focus({ preventScroll: true });
  }, [pathname, search]);

  return (
    <>
      <Header lang={lang} home={home} />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}
