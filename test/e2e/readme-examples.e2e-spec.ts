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

  it('should find a Russian-speaking prosecutor in Kazakhstan who knows asset recovery', async () => {
    const token = await signIn('aigul.bekmukhanova@kz.demo.counterpart.example');
    const response = await api.graphql(example('find-counterpart.graphql'), {}, token);
    expect(response.body.errors).toBeUndefined();
    const { totalCount, edges } = response.body.data.practitioners;
    expect(totalCount).toBeGreaterThanOrEqual(1);
    expect(edges[0].node).toMatchObject({
      displayName: 'Nurlan Zhaksylykov',
      nativeName: 'Нұрлан Жақсылықов',
      needsInterpreter: false,
    });
    expect(edges[0].node.languages).toContainEqual({ code: 'ru', level: 'FLUENT' });
    const { facets } = response.body.data.practitioners;
    expect(facets.availableNow).toBeLessThanOrEqual(totalCount);
    expect(facets.competences.length).toBeGreaterThan(0);
  });

  it('should list the coordinators of Tajikistan, who work from Kyrgyzstan, with members’ contacts', async () => {
    const token = await signIn('aigul.bekmukhanova@kz.demo.counterpart.example');
    const response = await api.graphql(example('country-coordinators.graphql'), {}, token);
    expect(response.body.errors).toBeUndefined();
    const { coordinators } = response.body.data;
    expect(coordinators).toHaveLength(1);
    expect(coordinators[0]).toMatchObject({ country: 'KG', localTime: expect.stringMatching(/\+06:00$/) });
    expect(coordinators[0].contacts.length).toBeGreaterThan(0);
    expect(coordinators[0].contacts.every((c: { visibility: string }) => c.visibility === 'MEMBERS')).toBe(
      true,
    );
  });

  it('should find Erkin Yuldashev whatever the script', async () => {
    const token = await signIn('aigul.bekmukhanova@kz.demo.counterpart.example');
    for (const text of ['Юлдашев', 'Yuldashev', 'Iuldashev', 'Yuldashov']) {
      const response = await api.graphql(
        'query($text: String) { practitioners(filter: { text: $text }) { edges { node { displayName } } } }',
        { text },
        token,
      );
      expect(response.body.data.practitioners.edges[0].node.displayName).toBe('Erkin Yuldashev');
    }
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
