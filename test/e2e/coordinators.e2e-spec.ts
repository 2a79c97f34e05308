import { ContactKind, ContactVisibility } from '@app/directory';
import { MemberRole, MemberStatus, type MemberEntity } from '@app/identity';
import { createPractitioner, type PractitionerSeed } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const COORDINATORS = `query($country: String!) {
  coordinators(country: $country) {
    id displayName nativeName country position
    agency { name type city }
    languages { code level }
    contacts { kind value visibility }
    localTime availableNow sharedLanguages { code level } needsInterpreter
  }
}`;

const DAY = 24 * 3600 * 1000;

/** A coordinator-looking practitioner with a members' e-mail and a coordinators-only mobile. */
function withContacts(label: string, seed: PractitionerSeed = {}): PractitionerSeed {
  return {
    ...seed,
    profile: { displayName: label, nativeName: null, nameVariants: [], ...seed.profile },
    contacts: [
      {
        kind: ContactKind.EMAIL,
        value: `${label.toLowerCase()}@coordination.test`,
        visibility: ContactVisibility.MEMBERS,
      },
      { kind: ContactKind.MOBILE, value: '+998901112233', visibility: ContactVisibility.COORDINATORS },
    ],
  };
}

describe('coordinators of a country', () => {
  let api: TestApp;
  const ids = new Map<string, string>();

  const coordinator = (countries: string[], member: Partial<MemberEntity> = {}) => ({
    role: MemberRole.COORDINATOR,
    coordinatorCountries: countries,
    ...member,
  });

  async function signedIn(member: Partial<MemberEntity> = {}, profile = {}) {
    const created = await createPractitioner(api.dataSource, { member, profile });
    return (await openSession(api.dataSource, created.member, api.config.auth)).accessToken;
  }

  beforeAll(async () => {
    api = await createTestApp();
    const people: [string, PractitionerSeed][] = [
      // Listed for UZ: by name, wherever their own profile is.
      ['Zafar', { member: coordinator(['UZ']), profile: { country: 'UZ' } }],
      ['Bakyt', { member: coordinator(['KG', 'UZ']), profile: { country: 'KG', timeZone: 'Asia/Bishkek' } }],
      // Not listed for UZ.
      ['Aida', { member: coordinator(['KZ']), profile: { country: 'KZ' } }],
      ['Suspended', { member: coordinator(['UZ'], { status: MemberStatus.SUSPENDED }) }],
      ['Lapsed', { member: coordinator(['UZ'], { vettedUntil: new Date(Date.now() - DAY) }) }],
      ['Pending', { member: coordinator(['UZ'], { status: MemberStatus.PENDING, vettedUntil: null }) }],
      ['Admin', { member: { role: MemberRole.ADMIN } }],
      ['Member', { profile: { country: 'UZ' } }],
    ];
    for (const [label, seed] of people) {
      ids.set(label, (await createPractitioner(api.dataSource, withContacts(label, seed))).member.id);
    }
  });

  afterAll(() => api.close());

  const ask = async (country: string, token?: string) =>
    (await api.graphql(COORDINATORS, { country }, token)).body;

  it('should list a country’s vetted coordinators by name, with the contacts a member may see', async () => {
    const body = await ask('UZ', await signedIn());
    expect(body.errors).toBeUndefined();
    expect(body.data.coordinators).toEqual([
      {
        id: ids.get('Bakyt'),
        displayName: 'Bakyt',
        nativeName: null,
        country: 'KG',
        position: 'Senior Prosecutor',
        agency: { name: expect.any(String), type: 'PROSECUTION', city: 'Tashkent' },
        languages: [
          { code: 'uz', level: 'NATIVE' },
          { code: 'ru', level: 'FLUENT' },
        ],
        contacts: [{ kind: 'EMAIL', value: 'bakyt@coordination.test', visibility: 'MEMBERS' }],
        localTime: expect.stringMatching(/\+06:00$/),
        availableNow: expect.any(Boolean),
        sharedLanguages: [
          { code: 'uz', level: 'NATIVE' },
          { code: 'ru', level: 'FLUENT' },
        ],
        needsInterpreter: false,
      },
      expect.objectContaining({
        id: ids.get('Zafar'),
        contacts: [{ kind: 'EMAIL', value: 'zafar@coordination.test', visibility: 'MEMBERS' }],
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('+998901112233');
    expect((await ask('KZ', await signedIn())).data.coordinators.map((c: { id: string }) => c.id)).toEqual([
      ids.get('Aida'),
    ]);
    expect((await ask('IT', await signedIn())).data.coordinators).toEqual([]);
  });

  it('should show coordinators-only contacts to staff', async () => {
    for (const token of [await signedIn(coordinator(['PK'])), await signedIn({ role: MemberRole.ADMIN })]) {
      const body = await ask('UZ', token);
      expect(body.data.coordinators[0].contacts).toEqual([
        { kind: 'EMAIL', value: 'bakyt@coordination.test', visibility: 'MEMBERS' },
        { kind: 'MOBILE', value: '+998901112233', visibility: 'COORDINATORS' },
      ]);
    }
  });

  it('should refuse an unknown country with a field error', async () => {
    const token = await signedIn();
    for (const country of ['XX', 'uz', 'Uzbekistan', '']) {
      const body = await ask(country, token);
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'country', code: 'INVALID_COUNTRY', message: 'must be an ISO 3166-1 alpha-2 code' }],
      });
    }
  });

  it('should refuse pending, lapsed, anonymous and suspended callers without a contact value', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'UNAUTHENTICATED'],
      [await signedIn({ status: MemberStatus.PENDING, vettedUntil: null }), 'FORBIDDEN'],
      [await signedIn({ vettedUntil: new Date(Date.now() - DAY) }), 'FORBIDDEN'],
      [await signedIn(coordinator(['UZ'], { status: MemberStatus.PENDING, vettedUntil: null })), 'FORBIDDEN'],
    ];
    for (const [token, code] of cases) {
      const response = await api.graphql(COORDINATORS, { country: 'UZ' }, token);
      expect(response.body.data).toBeNull();
      expect(response.body.errors[0].extensions.code).toBe(code);
      expect(response.text).not.toMatch(/coordination\.test|\+998901112233/);
    }
  });

  it('should load every coordinator’s profile with as many SQL statements as one', async () => {
    const token = await signedIn();
    for (const label of ['Tj1', 'Tj2', 'Tj3', 'Tj4']) {
      await createPractitioner(api.dataSource, withContacts(label, { member: coordinator(['TJ']) }));
    }
    const logQuery = jest.spyOn(api.dataSource.logger, 'logQuery');
    const statementsFor = async (country: string, expected: number) => {
      logQuery.mockClear();
      const body = await ask(country, token);
      expect(body.data.coordinators).toHaveLength(expected);
      return logQuery.mock.calls.length;
    };
    const one = await statementsFor('KZ', 1);
    const four = await statementsFor('TJ', 4);
    logQuery.mockRestore();
    expect(four).toBe(one);
  });
});
