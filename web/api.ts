import { ERROR_STATUS, type ErrorCode } from '../shared/problem.js';
import type { Lang } from '../shared/lang.js';
import type { MeetingDetail, MeetingList } from '../shared/schemas/meeting.js';
import type { Agenda } from '../shared/schemas/agenda.js';

/** Server codes plus the one failure the server cannot report: not reaching it at all. */
export type ClientErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;

  constructor(code: ClientErrorCode, status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
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

async function problemFrom(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (typeof body === 'object' && body !== null && 'code' in body && isErrorCode(body.code)) {
        const title = 'title' in body && typeof body.title === 'string' ? body.title : body.code;
        return new ApiError(body.code, res.status, title);
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

const meetingPath = (slug: string) => `/api/meetings/${encodeURIComponent(slug)}`;

/** URLs of the API, in one place. */
export const apiUrl = {
  meetings: (lang: Lang) => `/api/meetings?lang=${lang}`,
  meeting: (slug: string, lang: Lang) => `${meetingPath(slug)}?lang=${lang}`,
  agenda: (slug: string, lang: Lang, version: number | null) =>
    `${meetingPath(slug)}/agenda?lang=${lang}${version === null ? '' : `&version=${version}`}`,
  agendaPdf: (slug: string, lang: Lang, version: number) =>
    `${meetingPath(slug)}/agenda.pdf?lang=${lang}&version=${version}`,
  agendaIcs: (slug: string, lang: Lang) => `${meetingPath(slug)}/agenda.ics?lang=${lang}`,
};

export type { Agenda, MeetingDetail, MeetingList };
