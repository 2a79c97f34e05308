import { createTestApp, type TestApp } from '../utils/create-test-app';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const MAX_FAILURES_PER_IP = 2;

/** A failed sign-in (an unknown e-mail each time, so only the per-IP counter adds up) carrying this X-Forwarded-For. */
async function failedSignIn(api: TestApp, forwardedFor: string): Promise<string | undefined> {
  const response = await api
    .graphql(SIGN_IN, {
      input: {
        email: `nobody.${Math.random().toString(36).slice(2)}@nowhere.test`,
        password: 'wrong password',
      },
    })
    .set('x-forwarded-for', forwardedFor);
  return (response.body as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code;
}

describe('the client address behind a reverse proxy (TRUST_PROXY as a hop count)', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const api = await createTestApp({
      env: { AUTH_MAX_FAILURES_PER_IP: String(MAX_FAILURES_PER_IP), ...env },
    });
    apps.push(api);
    return api;
  };

  afterAll(() => Promise.all(apps.map((api) => api.close())));

  it('should key the throttle to the last hop with TRUST_PROXY=1, whatever the client put before it', async () => {
    const api = await start({ TRUST_PROXY: '1' });
    expect(await failedSignIn(api, '6.6.6.6, 10.0.0.9')).toBe('UNAUTHENTICATED');
    expect(await failedSignIn(api, '7.7.7.7, 10.0.0.9')).toBe('UNAUTHENTICATED');
    // 10.0.0.9 reached the limit: a new forged first entry does not escape it; another proxied client is not blocked.
    expect(await failedSignIn(api, '8.8.8.8, 10.0.0.9')).toBe('RATE_LIMITED');
    expect(await failedSignIn(api, '6.6.6.6, 10.0.0.8')).toBe('UNAUTHENTICATED');
  });

  it('should ignore X-Forwarded-For entirely without TRUST_PROXY (the socket address counts)', async () => {
    const api = await start({});
    expect(await failedSignIn(api, '10.0.0.1')).toBe('UNAUTHENTICATED');
    expect(await failedSignIn(api, '10.0.0.2')).toBe('UNAUTHENTICATED');
    expect(await failedSignIn(api, '10.0.0.3')).toBe('RATE_LIMITED');
  });
});
