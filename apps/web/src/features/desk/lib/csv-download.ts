import { isErrorCode } from '@app/common/error-codes';
import { ApiError } from '@web/lib/api-error';
import { session as pageSession, type SessionStore } from '@web/lib/session';

/** A query parameter of an export: empty values (undefined, null, '', []) are left out; lists are sent comma-joined. */
export type CsvParam = string | number | boolean | readonly string[] | null | undefined;
export type CsvParams = Record<string, CsvParam>;

/** What `downloadCsv` needs from the page; tests pass their own. */
export interface CsvDownloadDeps {
  session: Pick<SessionStore, 'accessToken' | 'refresh'>;
  fetch: typeof fetch;
  /** Hands the file to the browser as a download. */
  save: (blob: Blob, fileName: string) => void;
}

/** How long the file's object URL outlives the click that downloads it (a browser reads it after the click returns). */
const REVOKE_AFTER_MS = 1_000;

/** Saves `blob` as `fileName`: an object URL behind a download link, clicked, then let go. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

const PAGE_DEPS: CsvDownloadDeps = {
  session: pageSession,
  fetch: (...args) => globalThis.fetch(...args),
  save: saveBlob,
};

/** `path?params` with the empty parameters left out (the API reads a missing one as "any"). */
export function csvUrl(path: string, params: CsvParams = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > 0) {
        query.set(name, value.join(','));
      }
      continue;
    }
    query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The name saved when the server gives none that can be used. */
export const FALLBACK_FILE_NAME = 'counterpart-export.csv';
const MAX_FILE_NAME = 100;

/**
 * A name safe to save under on every system: only `[A-Za-z0-9._-]` (anything else becomes `-`), ending in `.csv`, at
 * most 100 characters; undefined when nothing of it is left (no letter or digit before the extension).
 */
export function safeFileName(name: string): string | undefined {
  const plain = name.replace(/[^A-Za-z0-9._-]/g, '-');
  const base = plain.replace(/\.csv$/i, '').slice(0, MAX_FILE_NAME - '.csv'.length);
  return /[A-Za-z0-9]/.test(base) ? `${base}.csv` : undefined;
}

/**
 * The file name a `Content-Disposition` header gives (RFC 6266: `filename*=UTF-8''…` wins over `filename=…`), reduced
 * to a plain name (no folders; see safeFileName); `fallback` when there is none.
 */
export function fileNameOf(header: string | null, fallback = FALLBACK_FILE_NAME): string {
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header ?? '');
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header ?? '');
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  name ??= plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]?.trim()) : undefined;
  // Control characters out (a name is one line of text), then only the last part of a path.
  const printable = [...(name ?? '')].filter((char) => char >= ' ' && char !== '\u007f').join('');
  const last = printable.split(/[/\\]/).pop()?.trim() ?? '';
  return safeFileName(last) ?? safeFileName(fallback) ?? FALLBACK_FILE_NAME;
}

/** The API's error code in a refusal: its JSON body's (`errors[0].extensions.code`, or `code`), else by HTTP status. */
async function refusalOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    { code?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  const code = body?.errors?.[0]?.extensions?.code ?? body?.code;
  if (isErrorCode(code)) {
    return new ApiError(code);
  }
  switch (response.status) {
    case 400:
      return new ApiError('BAD_USER_INPUT');
    case 401:
      return new ApiError('UNAUTHENTICATED');
    case 403:
      return new ApiError('FORBIDDEN');
    case 404:
      return new ApiError('NOT_FOUND');
    case 429:
      return new ApiError('RATE_LIMITED');
    default:
      return new ApiError(response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN');
  }
}

/** The API's export paths: the token is sent to these only, never to another address a caller might pass. */
const EXPORT_PATH = /^\/exports\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?$/;

/**
 * Downloads one of the API's CSV exports (`/exports/members.csv`, `/exports/audit.csv`) as a file. The exports take
 * the access token as GraphQL does (`Authorization: Bearer`), so a plain link cannot fetch them: the file is fetched
 * here, with one refresh and retry when the token has just expired, and saved under the name the server gives.
 * Failures are ApiErrors with the API's codes (NETWORK when the server was not reached; UNKNOWN when the answer was
 * not a CSV file, such as the web client's own page from a server without the exports).
 */
export async function downloadCsv(
  path: string,
  params: CsvParams = {},
  deps: CsvDownloadDeps = PAGE_DEPS,
): Promise<{ fileName: string }> {
  if (!EXPORT_PATH.test(path)) {
    throw new Error(`downloadCsv: not an export path`);
  }
  const url = csvUrl(path, params);
  const request = async (token: string | null) => {
    try {
      return await deps.fetch(url, {
        method: 'GET',
        credentials: 'same-origin',
        headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new ApiError('NETWORK');
    }
  };
  let response = await request(deps.session.accessToken());
  if (response.status === 401) {
    const token = await deps.session.refresh();
    if (!token) {
      throw new ApiError('UNAUTHENTICATED');
    }
    response = await request(token);
  }
  if (!response.ok) {
    throw await refusalOf(response);
  }
  if (!/^text\/csv\b/i.test(response.headers.get('content-type') ?? '')) {
    throw new ApiError('UNKNOWN');
  }
  const fallback = path.split('/').pop() ?? FALLBACK_FILE_NAME;
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallback);
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The connection broke while the file was arriving.
    throw new ApiError('NETWORK');
  }
  deps.save(blob, fileName);
  return { fileName };
}
