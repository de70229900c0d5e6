import type { BrowserContext, ConsoleMessage, Request, Response } from 'playwright-core';

/** Something a reader would never see on a healthy page, but the browser noticed. */
export interface Problem {
  kind: 'console' | 'page-error' | 'request-failed' | 'http-error';
  text: string;
  /** The resource concerned (request URL, or where a console message points). */
  url: string;
}

interface Expected {
  reason: string;
  matches: (problem: Problem) => boolean;
  seen: number;
}

/**
 * Records console errors, uncaught exceptions, failed requests and HTTP error answers of every
 * page of a browser context. Nothing is ignored by default: a test that provokes an error on
 * purpose (a 404 from the API behind a not-found page) declares it with `expect`, with a reason,
 * and the declaration fails the test if that error never happens.
 */
export class ProblemWatch {
  private readonly problems: Problem[] = [];
  private readonly expected: Expected[] = [];

  constructor(context: BrowserContext) {
    context.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      this.problems.push({ kind: 'console', text: message.text(), url: message.location().url });
    });
    context.on('weberror', (error) => {
      const err = error.error();
      this.problems.push({ kind: 'page-error', text: err.stack ?? err.message, url: error.page()?.url() ?? '' });
    });
    context.on('requestfailed', (request: Request) => {
      this.problems.push({
        kind: 'request-failed',
        text: `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
        url: request.url(),
      });
    });
    context.on('response', (response: Response) => {
      if (response.status() < 400) return;
      this.problems.push({
        kind: 'http-error',
        text: `${response.request().method()} ${response.url()} → ${response.status()}`,
        url: response.url(),
      });
    });
  }

  /** Declare a problem this test provokes on purpose; it must then happen at least once. */
  expect(reason: string, matches: (problem: Problem) => boolean): void {
    this.expected.push({ reason, matches, seen: 0 });
  }

  /** Readable lines for every unexpected problem and every expected one that did not happen. */
  report(): string[] {
    const lines: string[] = [];
    for (const problem of this.problems) {
      const expectation = this.expected.find((e) => e.matches(problem));
      if (expectation) expectation.seen += 1;
      else lines.push(`${problem.kind}: ${problem.text}${problem.url ? ` (${problem.url})` : ''}`);
    }
    for (const e of this.expected) if (e.seen === 0) lines.push(`expected but did not happen: ${e.reason}`);
    return lines;
  }
}
