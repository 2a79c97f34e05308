import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import type { authApi, SessionAnswer } from './auth-api';
import { SessionStore } from './session';

const answer = (id = 'm1'): SessionAnswer => ({
  accessToken: `token-of-${id}`,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  member: { id, role: 'MEMBER', status: 'VETTED' },
});

function store(api: Partial<typeof authApi>) {
  const fake = {
    signIn: vi.fn(() => Promise.resolve(answer())),
    refresh: vi.fn(() => Promise.resolve(answer())),
    signOut: vi.fn(() => Promise.resolve({ ok: true as const })),
    ...api,
  };
  return { session: new SessionStore(fake), api: fake };
}

describe(SessionStore.name, () => {
  it('should be unreachable, not signed out, when the API cannot be reached at load, and come back on retry', async () => {
    const refresh = vi
      .fn<() => Promise<SessionAnswer>>()
      .mockRejectedValueOnce(new ApiError('NETWORK'))
      .mockResolvedValueOnce(answer());
    const { session } = store({ refresh });
    await session.restore();
    expect(session.getSnapshot()).toEqual({ status: 'unreachable' });
    expect(session.accessToken()).toBeNull();
    await session.retry();
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in', accessToken: 'token-of-m1' });
  });

  it('should be signed out at load when the API refuses the cookie', async () => {
    const { session } = store({ refresh: vi.fn(() => Promise.reject(new ApiError('UNAUTHENTICATED'))) });
    await session.restore();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out' });
    await session.retry(); // nothing to retry
    expect(session.getSnapshot()).toEqual({ status: 'signed-out' });
  });

  it('should stay signed in and say why when signing out could not reach the server', async () => {
    const { session, api } = store({ signOut: vi.fn(() => Promise.reject(new ApiError('NETWORK'))) });
    await session.restore();
    await expect(session.signOut(true)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(api.signOut).toHaveBeenCalledWith(true);
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in' });
  });

  it('should be signed out when the server says the session had ended already', async () => {
    const { session } = store({ signOut: vi.fn(() => Promise.reject(new ApiError('UNAUTHENTICATED'))) });
    await session.restore();
    await session.signOut();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });

  it('should sign this tab out when a refresh answers another member', async () => {
    const refresh = vi
      .fn<() => Promise<SessionAnswer>>()
      .mockResolvedValueOnce(answer('m1'))
      .mockResolvedValueOnce(answer('m2'));
    const { session } = store({ refresh });
    await session.restore();
    expect(await session.refresh()).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: 'other-member' });
  });
});
