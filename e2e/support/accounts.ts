import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { base32Decode, hotp, TOTP_STEP_SECONDS, totpStep } from '../../server/auth/totp.js';
import type { Session } from './browser.js';
import { t, type Lang } from './demo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  lang?: Lang;
  state?: string;
  organization?: string;
}

/** An address no other file or run of the suite uses (they share one server). */
export function uniqueEmail(label: string): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.org`;
}

/**
 * Creates an account with the real command line, against the database of the server under test,
 * the password on standard input as an operator would pipe it. Resolves to the new user's id.
 */
export function createUser(user: NewUser): Promise<string> {
  const server = inject('serverEnv');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: server.DATA_DIR,
    PUBLIC_URL: server.PUBLIC_URL,
    LOG_LEVEL: 'warn',
  };
  if (server.DATABASE_URL) env.DATABASE_URL = server.DATABASE_URL;
  else delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const args = ['bin/continental.mjs', 'users', 'create', '--email', user.email, '--name', user.name];
  args.push('--role', user.role, '--lang', user.lang ?? 'en', '--password-stdin');
  if (user.state) args.push('--state', user.state);
  if (user.organization) args.push('--organization', user.organization);
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { cwd: ROOT, env, timeout: 30_000 }, (err, stdout, stderr) => {
      const id = /^Created user (\S+)$/m.exec(stdout)?.[1];
      if (err || !id) reject(new Error(`continental users create failed: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
      else resolve(id);
    });
    child.stdin?.end(`${user.password}\n`);
  });
}

/**
 * Signs `session` in through the API (the cookie lands in the browser context), for tests about
 * what comes after signing in; the sign-in form itself has its own journeys.
 */
export async function signInByApi(
  session: Session | { request: APIRequestContext; url: (path: string) => string },
  email: string,
  password: string,
): Promise<void> {
  const request = 'context' in session ? session.context.request : session.request;
  const res = await request.post(session.url('/api/auth/sign-in'), { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toEqual({ mfaRequired: false });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `text` as a pattern in which any run of spaces (no-break ones included) matches any other. */
const loose = (text: string) => escape(text).replace(/\s+/g, '\\s+');

/** A form control by its visible label, with or without the "(required)" marker after it. */
export function field(scope: Page | Locator, lang: Lang, label: string): Locator {
  const required = escape(t(lang, 'form.required'));
  return scope.getByLabel(new RegExp(`^${escape(label)}(?:\\s+${required})?$`));
}

/** The page's h1 once it shows `name`. */
export async function heading(page: Page, name: string): Promise<Locator> {
  const h1 = page.getByRole('heading', { level: 1, name, exact: true });
  await h1.waitFor();
  return h1;
}

/** A form's error summary, around its "There is a problem" heading (it takes the focus when it appears). */
export function errorSummary(scope: Page | Locator, lang: Lang): Locator {
  return scope.getByRole('heading', { level: 2, name: t(lang, 'form.errorSummary'), exact: true }).locator('xpath=..');
}

/** The account menu's button: the user's name, after a visually hidden "Account menu:". */
export function userMenuButton(page: Page, lang: Lang, name: string): Locator {
  return page
    .getByRole('navigation', { name: t(lang, 'nav.account'), exact: true })
    .getByRole('button', { name: new RegExp(`^${loose(t(lang, 'nav.accountOf'))}\\s*${loose(name)}$`) });
}

/** Opens the account menu and follows one of its links. */
export async function followUserMenu(page: Page, lang: Lang, name: string, link: string): Promise<void> {
  const button = userMenuButton(page, lang, name);
  await button.click();
  await page
    .getByRole('navigation', { name: t(lang, 'nav.account'), exact: true })
    .getByRole('link', { name: link, exact: true })
    .click();
}

/** A link of `pathPattern` (e.g. "/fr/invitation/") in the newest outbox mail to `email`. */
export async function linkFromOutbox(
  request: APIRequestContext,
  baseUrl: string,
  email: string,
  path: string,
): Promise<string> {
  const res = await request.get(new URL('/api/outbox?pageSize=100', baseUrl).toString());
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { to: string; body: string }[] };
  const mail = items.find((item) => item.to === email && item.body.includes(path));
  const link = mail?.body.match(new RegExp(`${escape(baseUrl)}${escape(path)}\\S+`))?.[0];
  if (!link) throw new Error(`no mail to ${email} with a ${path} link in the outbox`);
  return link;
}

// RFC 6238 codes, computed with the server's own implementation (its RFC test vectors pin it).

/** The current 30-second TOTP step by this machine's clock (the server's clock too). */
export const currentTotpStep = (): number => totpStep(Math.floor(Date.now() / 1000));

/** The code an authenticator app holding `secret` shows during `step`. */
export const totpCode = (secret: string, step: number): string => hotp(base32Decode(secret), step);

/** Six digits that no step the server accepts right now (±1 step) produces. */
export function wrongTotpCode(secret: string): string {
  const now = currentTotpStep();
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/**
 * Waits until the clock reaches `step`: the server never accepts a code's step twice, so after
 * enrolling with one code the user must wait for the app to show the next. This is the one
 * timed wait of the suite — the condition *is* the clock — and it is computed, never guessed:
 * at most one step (30 s), usually less because the journey's other steps have used up some.
 */
export async function waitForTotpStep(step: number): Promise<void> {
  const ms = step * TOTP_STEP_SECONDS * 1000 - Date.now();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
