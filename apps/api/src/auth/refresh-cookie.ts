import type { CookieOptions, Request, Response } from 'express';

/** The browser session's refresh token: HttpOnly (no script reads it), sent only to /auth, never cross-site. */
export const REFRESH_COOKIE = 'counterpart_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

/** Hosts a browser treats as a secure context over plain HTTP: the only ones that get a cookie without Secure. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** The request's host name (Express: Host, or X-Forwarded-Host behind TRUST_PROXY hops), without port or IPv6 brackets. */
function hostOf(req: Request): string {
  return req.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function cookieOptions(req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: !LOOPBACK_HOSTS.has(hostOf(req)),
  };
}

/** The refresh token of the request's cookie, or null. */
export function readRefreshCookie(req: Request): string | null {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === REFRESH_COOKIE) {
      const value = pair.slice(at + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

/** Sets the cookie to `refreshToken` for the whole refresh lifetime (the session slides on every refresh). */
export function setRefreshCookie(
  req: Request,
  res: Response,
  refreshToken: string,
  ttlSeconds: number,
): void {
  res.cookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(req), maxAge: ttlSeconds * 1000 });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
}
