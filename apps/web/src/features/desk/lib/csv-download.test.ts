import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@web/lib/api-error';
import {
  csvUrl,
  downloadCsv,
  FALLBACK_FILE_NAME,
  fileNameOf,
  safeFileName,
  type CsvDownloadDeps,
} from './csv-download';

const CSV = 'id,displayName\r\n1,"\'=1+2"\r\n';

function csvResponse(headers: Record<string, string> = {}, body = CSV): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', ...headers },
  });
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Deps whose fetch answers `responses` in turn, a session holding `token` that refreshes to `refreshed`. */
function fakeDeps(
  responses: Array<Response | Error>,
  token = 'old-token',
  refreshed: string | null = 'new-token',
) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) {
      throw new Error('no more answers');
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  const saved: Array<{ blob: Blob; fileName: string }> = [];
  const deps = {
    session: { accessToken: vi.fn(() => token), refresh: vi.fn(() => Promise.resolve(refreshed)) },
    fetch: fetch as unknown as typeof globalThis.fetch,
    save: (blob: Blob, fileName: string) => saved.push({ blob, fileName }),
  } satisfies CsvDownloadDeps;
  const authorizations = () =>
    fetch.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).authorization);
  return { deps, fetch, saved, authorizations };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe(fileNameOf.name, () => {
  it('should read a quoted file name', () => {
    expect(fileNameOf('attachment; filename="members-2026-12-02.csv"', 'x.csv')).toBe(
      'members-2026-12-02.csv',
    );
  });

  it('should read an unquoted file name', () => {
    expect(fileNameOf('attachment; filename=audit.csv', 'x.csv')).toBe('audit.csv');
  });

  it('should prefer the UTF-8 name of filename* over the plain one', () => {
    expect(
      fileNameOf(`attachment; filename="members.csv"; filename*=UTF-8''members%20of%20UZ.csv`, 'x.csv'),
    ).toBe('members-of-UZ.csv');
  });

  it('should reduce a name to [A-Za-z0-9._-], falling back when no letter or digit is left', () => {
    expect(fileNameOf('attachment; filename="a b;c\u00e9<x>.csv"', 'x.csv')).toBe('a-b-c--x-.csv');
    expect(
      fileNameOf(
        `attachment; filename*=UTF-8''%D1%83%D1%87%D0%B0%D1%81%D1%82%D0%BD%D0%B8%D0%BA%D0%B8.csv`,
        'x.csv',
      ),
    ).toBe('x.csv');
    expect(fileNameOf('attachment; filename="---.csv"')).toBe(FALLBACK_FILE_NAME);
  });

  it('should force the .csv ending and at most 100 characters', () => {
    expect(fileNameOf('attachment; filename="report.html"', 'x.csv')).toBe('report.html.csv');
    expect(fileNameOf('attachment; filename="report.CSV"', 'x.csv')).toBe('report.csv');
    const long = fileNameOf(`attachment; filename="${'a'.repeat(300)}.csv"`, 'x.csv');
    expect(long).toHaveLength(100);
    expect(long.endsWith('.csv')).toBe(true);
    expect(safeFileName('.csv')).toBeUndefined();
    expect(fileNameOf(null)).toBe('counterpart-export.csv');
  });

  it('should keep only the last part of a name with folders and drop control characters', () => {
    expect(fileNameOf('attachment; filename="../../etc/pass\u0007wd.csv"', 'x.csv')).toBe('passwd.csv');
    // A quoted-string escapes its backslashes: C:\\temp\\a.csv is the name C:\temp\a.csv.
    expect(fileNameOf('attachment; filename="C:\\\\temp\\\\a.csv"', 'x.csv')).toBe('a.csv');
  });

  it('should fall back when there is no usable name', () => {
    expect(fileNameOf(null, 'members.csv')).toBe('members.csv');
    expect(fileNameOf('attachment', 'members.csv')).toBe('members.csv');
    expect(fileNameOf('attachment; filename=".."', 'members.csv')).toBe('members.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'members.csv')).toBe('members.csv');
  });
});

describe(csvUrl.name, () => {
  it('should leave out empty parameters and join lists with commas', () => {
    expect(
      csvUrl('/exports/members.csv', {
        status: 'VETTED',
        countries: ['KZ', 'UZ'],
        staleProfile: false,
        vettingExpiresBefore: undefined,
        actorId: null,
        targetId: '',
        empty: [],
      }),
    ).toBe('/exports/members.csv?status=VETTED&countries=KZ%2CUZ&staleProfile=false');
    expect(csvUrl('/exports/audit.csv')).toBe('/exports/audit.csv');
  });
});

describe(downloadCsv.name, () => {
  it('should fetch with the access token and save the file under the name the server gives', async () => {
    const { deps, fetch, saved, authorizations } = fakeDeps([
      csvResponse({ 'content-disposition': 'attachment; filename="audit-2026-12-02.csv"' }),
    ]);
    const result = await downloadCsv('/exports/audit.csv', { action: 'MEMBER_SUSPENDED' }, deps);
    expect(result).toEqual({ fileName: 'audit-2026-12-02.csv' });
    expect(fetch.mock.calls[0][0]).toBe('/exports/audit.csv?action=MEMBER_SUSPENDED');
    expect(authorizations()).toEqual(['Bearer old-token']);
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe('audit-2026-12-02.csv');
    expect(await saved[0].blob.text()).toBe(CSV);
  });

  it('should refuse any path but an export one, sending nothing and no token', async () => {
    for (const path of [
      'https://elsewhere.example.org/exports/members.csv',
      '//elsewhere.example.org/exports/members.csv',
      '/graphql',
      '/exports/../graphql',
      'exports/members.csv',
    ]) {
      const { deps, fetch, saved } = fakeDeps([csvResponse()]);
      await expect(downloadCsv(path, {}, deps)).rejects.toThrow('not an export path');
      expect(fetch).not.toHaveBeenCalled();
      expect(deps.session.accessToken).not.toHaveBeenCalled();
      expect(saved).toEqual([]);
    }
  });

  it('should name the file after the path when the server gives no name', async () => {
    const { deps, saved } = fakeDeps([csvResponse()]);
    await downloadCsv('/exports/members.csv', {}, deps);
    expect(saved[0].fileName).toBe('members.csv');
  });

  it('should refresh the session once on 401 and retry with the new token', async () => {
    const { deps, saved, authorizations } = fakeDeps([
      jsonResponse(401, { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }),
      csvResponse({ 'content-disposition': 'attachment; filename="members.csv"' }),
    ]);
    await downloadCsv('/exports/members.csv', { countries: ['KZ'] }, deps);
    expect(deps.session.refresh).toHaveBeenCalledTimes(1);
    expect(authorizations()).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(saved).toHaveLength(1);
  });

  it('should not retry a second time when the refreshed token is refused too', async () => {
    const { deps, fetch, saved } = fakeDeps([jsonResponse(401, {}), jsonResponse(401, {})]);
    const error = await failureOf(downloadCsv('/exports/members.csv', {}, deps));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(deps.session.refresh).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([]);
  });

  it('should fail UNAUTHENTICATED without a second request when the session has ended', async () => {
    const { deps, fetch } = fakeDeps([jsonResponse(401, {})], 'old-token', null);
    const error = await failureOf(downloadCsv('/exports/members.csv', {}, deps));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('should report the API’s error code from the body, else one from the HTTP status', async () => {
    const cases: Array<[Response, string]> = [
      [jsonResponse(400, { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }), 'BAD_USER_INPUT'],
      [jsonResponse(403, { code: 'FORBIDDEN' }), 'FORBIDDEN'],
      [new Response('slow down', { status: 429 }), 'RATE_LIMITED'],
      [new Response('', { status: 404 }), 'NOT_FOUND'],
      [new Response('', { status: 502 }), 'INTERNAL_SERVER_ERROR'],
      [new Response('', { status: 418 }), 'UNKNOWN'],
    ];
    for (const [response, code] of cases) {
      const { deps, saved } = fakeDeps([response]);
      const error = await failureOf(downloadCsv('/exports/members.csv', {}, deps));
      expect(error.code, String(response.status)).toBe(code);
      expect(saved).toEqual([]);
    }
  });

  it('should fail NETWORK when the server cannot be reached', async () => {
    const { deps, saved } = fakeDeps([new TypeError('Failed to fetch')]);
    const error = await failureOf(downloadCsv('/exports/audit.csv', {}, deps));
    expect(error.code).toBe('NETWORK');
    expect(saved).toEqual([]);
  });

  it('should refuse an answer that is not a CSV file (the web page of a server without exports)', async () => {
    const { deps, saved } = fakeDeps([
      new Response('<!doctype html><title>Counterpart</title>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      }),
    ]);
    const error = await failureOf(downloadCsv('/exports/audit.csv', {}, deps));
    expect(error.code).toBe('UNKNOWN');
    expect(saved).toEqual([]);
  });
});
