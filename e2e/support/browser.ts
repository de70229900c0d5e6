import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { ProblemWatch } from './problems.js';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 360, height: 740 },
} as const;
export type Device = keyof typeof VIEWPORTS;

// Debian's Chromium; playwright-core never downloads a browser of its own here.
const EXECUTABLE = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface PageOptions {
  device?: Device;
  /** Browser language (navigator.languages and Accept-Language). */
  locale?: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: ProblemWatch;
  /** The server's origin joined with `path`. */
  url: (path: string) => string;
}

/**
 * One Chromium per test file, a fresh context (cookies, storage, cache) per test. Every context
 * is watched for console errors and failed requests, which fail the test after it ran.
 */
export function useBrowser(): { open: (options?: PageOptions) => Promise<Session> } {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let sessions: Session[] = [];

  beforeAll(async () => {
    // launch() (unlike launchPersistentContext) gives every launch a new temporary profile
    // directory and deletes it on close: no state carries over between files or runs.
    browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  });

  afterEach(async () => {
    const open = sessions;
    sessions = [];
    const problems = open.flatMap((session) => session.problems.report());
    await Promise.all(open.map((session) => session.context.close()));
    expect(problems, 'console errors or failed requests during the test').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open({ device = 'desktop', locale = 'en-US' }: PageOptions = {}) {
      if (!browser) throw new Error('useBrowser(): the browser is not launched yet (call open() inside a test)');
      const options: BrowserContextOptions = {
        viewport: VIEWPORTS[device],
        locale,
        // Far west of the meeting (UTC−10): a calendar date shifted by the reader's zone shows.
        timezoneId: 'Pacific/Honolulu',
        ...(device === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      };
      const context = await browser.newContext(options);
      const problems = new ProblemWatch(context);
      const page = await context.newPage();
      const session: Session = { context, page, problems, url: (path) => new URL(path, baseUrl).toString() };
      sessions.push(session);
      return session;
    },
  };
}
