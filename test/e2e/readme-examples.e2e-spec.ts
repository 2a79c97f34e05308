import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, DemoSeedService } from '@app/database/seed';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }';
const example = (name: string) => readFileSync(join(__dirname, '../../docs/examples', name), 'utf8');

/** The queries the README shows, run against the demo network this test seeds into its own database. */
describe('README examples on the demo network', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
    await api.app.get(DemoSeedService).seed();
  });

  afterAll(() => api.close());

  const signIn = async (email: string) =>
    (await api.graphql(SIGN_IN, { input: { email, password: DEMO_PASSWORD } })).body.data.signIn
      .accessToken as string;

  it('should show a vetted member a counterpart’s full profile with contacts', async () => {
    const token = await signIn('aigul.bekmukhanova@kz.demo.counterpart.example');
    const response = await api.graphql(example('counterpart-profile.graphql'), {}, token);
    expect(response.body.errors).toBeUndefined();
    const profile = response.body.data.practitioner;
    expect(profile).toMatchObject({
      displayName: 'Erkin Yuldashev',
      nativeName: 'Эркин Юлдашев',
      country: 'UZ',
    });
    expect(profile.contacts.map((c: { visibility: string }) => c.visibility)).toEqual(
      expect.arrayContaining(['MEMBERS']),
    );
    expect(profile.contacts.every((c: { visibility: string }) => c.visibility === 'MEMBERS')).toBe(true);
  });

  it('should give a pending applicant running the same query no contact value anywhere', async () => {
    const member = await signIn('aigul.bekmukhanova@kz.demo.counterpart.example');
    const values: string[] = (
      await api.graphql(example('counterpart-profile.graphql'), {}, member)
    ).body.data.practitioner.contacts.map((c: { value: string }) => c.value);

    const pending = await signIn('zhanar.nurlanova@kz.demo.counterpart.example');
    const response = await api.graphql(example('counterpart-profile.graphql'), {}, pending);
    expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
    for (const value of values) {
      expect(response.text).not.toContain(value);
    }
  });
});
