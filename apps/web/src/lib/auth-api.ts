import { ApiError, apiErrorOf } from './api-error';

/** The member the API answers a sign-in or a refresh with. */
export interface SessionMember {
  id: string;
  role: 'MEMBER' | 'COORDINATOR' | 'ADMIN';
  status: 'PENDING' | 'VETTED' | 'REJECTED' | 'SUSPENDED' | 'REVOKED';
  locale?: 'en' | 'ru';
}

export interface SessionAnswer {
  accessToken: string;
  expiresAt: string;
  member: SessionMember;
}

export interface SignInInput {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
  deviceLabel?: string;
}

/**
 * POST to the API's browser-session routes (`/auth/*`). The refresh token travels only in the HttpOnly cookie the
 * server sets (Path=/auth): this code never sees it. Failures become ApiError (NETWORK when the server is unreachable).
 */
async function post<T>(path: string, body: object = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK');
  }
  const answer = (await response.json().catch(() => undefined)) as
    (T & { errors?: { extensions?: Record<string, unknown> }[] }) | undefined;
  if (!response.ok || !answer || answer.errors?.length) {
    throw apiErrorOf(answer?.errors?.[0]);
  }
  return answer;
}

export const authApi = {
  signIn: (input: SignInInput) => post<SessionAnswer>('/auth/sign-in', input),
  refresh: () => post<SessionAnswer>('/auth/refresh'),
  signOut: (everywhere: boolean) => post<{ ok: true }>('/auth/sign-out', { everywhere }),
};
