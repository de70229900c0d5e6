import { ERROR_STATUS, type ErrorCode } from '../shared/problem.js';
import type { Lang } from '../shared/lang.js';
import type { MeetingDetail, MeetingList } from '../shared/schemas/meeting.js';
import type { Agenda } from '../shared/schemas/agenda.js';

/** Server codes plus the one failure the server cannot report: not reaching it at all. */
export type ClientErrorCode = ErrorCode | 'network';

/** One offending field of a problem: a JSON pointer into the request body. */
export interface FieldProblem {
  path: string;
  message: string;
  /** A stable word for what is wrong (`not_accredited`, `blank`, …), for the UI to translate. */
  reason?: string;
}

export interface ApiErrorDetails {
  errors?: FieldProblem[];
  /** Seconds to wait, from `rate_limited` problems. */
  retryAfter?: number;
  /** A finer cause some problems carry (`password_common`, `csrf`, …). */
  reason?: string;
  /** Every other member of the problem (`category` and `limit` of `quota_exceeded`, …). */
  extensions?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly errors: FieldProblem[];
  readonly retryAfter: number | null;
  readonly reason: string | null;
  readonly extensions: Record<string, unknown>;

  constructor(code: ClientErrorCode, status: number, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.errors = details.errors ?? [];
    this.retryAfter = details.retryAfter ?? null;
    this.reason = details.reason ?? null;
    this.extensions = details.extensions ?? {};
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

// A proxy or a crashed upstream may answer without problem+json: infer the code from the status.
function codeForStatus(status: number): ErrorCode {
  const match = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((code) => ERROR_STATUS[code] === status);
  return match ?? (status >= 500 ? 'internal' : 'bad_request');
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { path, message, reason } = e as { path?: unknown; message?: unknown; reason?: unknown };
    if (typeof path !== 'string') return [];
    const problem: FieldProblem = { path, message: typeof message === 'string' ? message : '' };
    if (typeof reason === 'string') problem.reason = reason;
    return [problem];
  });
}

function retryAfterOf(body: Record<string, unknown>, res: Response): number | undefined {
  if (typeof body.retryAfter === 'number' && body.retryAfter >= 0) return Math.ceil(body.retryAfter);
  const header = Number(res.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? Math.ceil(header) : undefined;
}

async function problemFrom(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (typeof body === 'object' && body !== null && 'code' in body && isErrorCode(body.code)) {
        const record = body as Record<string, unknown>;
        const title = typeof record.title === 'string' ? record.title : body.code;
        return new ApiError(body.code, res.status, title, {
          errors: fieldProblems(record.errors),
          retryAfter: retryAfterOf(record, res),
          reason: typeof record.reason === 'string' ? record.reason : undefined,
          extensions: record,
        });
      }
    } catch {
      // Not parseable: fall through to the status.
    }
  }
  return new ApiError(codeForStatus(res.status), res.status, res.statusText);
}

/** GET a JSON resource; rejects with ApiError (or the AbortError of `signal`). */
export async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await problemFrom(res);
  return (await res.json()) as T;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

// The CSRF token lives in memory only (never in storage a script on another page could read);
// the session provider sets it from GET /api/auth/session.
let csrfToken: string | null = null;
let refreshCsrf: (() => Promise<void>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to fetch a fresh token when the server says ours is stale (another tab signed in again). */
export function onCsrfRefresh(refresh: (() => Promise<void>) | null): void {
  refreshCsrf = refresh;
}

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  /** Extra request headers (`Idempotency-Key`, the `Content-Type` of a raw body). */
  headers?: Record<string, string>;
  /** Called as a file body goes out (bytes sent, bytes in all): uploads show their progress. */
  onProgress?: (sent: number, total: number) => void;
}

// fetch() cannot report upload progress; XMLHttpRequest can. The answer is turned back into a
// Response so the callers handle both paths alike.
function sendWithProgress(
  method: Method,
  url: string,
  headers: Record<string, string>,
  body: Blob,
  onProgress: (sent: number, total: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      const responseHeaders = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) responseHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const empty = xhr.status === 204 || xhr.status === 304;
      resolve(new Response(empty ? null : (xhr.response as Blob), { status: xhr.status, headers: responseHeaders }));
    };
    xhr.onerror = () => reject(new ApiError('network', 0, 'network error'));
    xhr.onabort = () => reject(new ApiError('network', 0, 'aborted'));
    xhr.send(body);
  });
}

// A file (Blob) goes as the body itself, typed by the caller or by the file; anything else as JSON.
async function sendOnce(method: Method, url: string, body: unknown, options: SendOptions): Promise<Response> {
  const raw = body instanceof Blob;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (raw) headers['content-type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  if (raw && options.onProgress) return sendWithProgress(method, url, headers, body, options.onProgress);
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
}

/**
 * A write with the session's CSRF token. Resolves to the JSON answer, or null for an answer
 * without a body (204, 202); rejects with ApiError.
 */
export async function send<T = null>(
  method: Method,
  url: string,
  body?: unknown,
  options: SendOptions = {},
): Promise<T> {
  let res = await sendOnce(method, url, body, options);
  if (res.status === 403 && refreshCsrf) {
    const problem = await problemFrom(res.clone());
    if (problem.reason === 'csrf') {
      await refreshCsrf();
      res = await sendOnce(method, url, body, options);
    }
  }
  if (!res.ok) throw await problemFrom(res);
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204 || !type.includes('json')) return null as T;
  const text = await res.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}

const meetingPath = (slug: string) => `/api/meetings/${encodeURIComponent(slug)}`;

/** Query string of the non-empty values, in a stable order. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** URLs of the API, in one place. */
export const apiUrl = {
  meetings: (lang: Lang) => `/api/meetings?lang=${lang}`,
  meeting: (slug: string, lang: Lang) => `${meetingPath(slug)}?lang=${lang}`,
  meetingEdit: (slug: string) => meetingPath(slug),
  conceptSection: (slug: string, kind: string) => `${meetingPath(slug)}/concept-note/${encodeURIComponent(kind)}`,
  agenda: (slug: string, lang: Lang, version: number | null) =>
    `${meetingPath(slug)}/agenda?lang=${lang}${version === null ? '' : `&version=${version}`}`,
  agendaDraft: (slug: string) => `${meetingPath(slug)}/agenda/draft`,
  agendaVersions: (slug: string) => `${meetingPath(slug)}/agenda/versions`,
  agendaPdf: (slug: string, lang: Lang, version: number) =>
    `${meetingPath(slug)}/agenda.pdf?lang=${lang}&version=${version}`,
  agendaIcs: (slug: string, lang: Lang) => `${meetingPath(slug)}/agenda.ics?lang=${lang}`,
  memberStates: (lang: Lang) => `/api/member-states?lang=${lang}`,
  organizations: (lang: Lang) => `/api/organizations?lang=${lang}`,
  stateContact: (iso3: string) => `/api/member-states/${encodeURIComponent(iso3)}/contact`,
  organizationContact: (id: string) => `/api/organizations/${encodeURIComponent(id)}/contact`,
};

export type { Agenda, MeetingDetail, MeetingList };
