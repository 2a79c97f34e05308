import { ContactKind, ContactVisibility, LanguageLevel, PractitionerEntity } from '@app/directory';
import { MemberRole, MemberStatus } from '@app/identity';
import { createPractitioner } from '../factories/practitioner.factory';
import { createTarget } from '../utils/actors';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const FULL_PROFILE = `
  id displayName nativeName nameVariants position country
  agency { name type city country }
  languages { code level } expertise competences
  timeZone workingDays workingHoursStart workingHoursEnd available24x7 bio confirmedAt
  contacts { kind value label visibility }
  localTime availableNow stale`;

const UPDATE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { ${FULL_PROFILE} } }`;
const PHONE_MESSAGE = 'must be a valid phone number in E.164 format, e.g. +998712345678';

describe('practitioner profiles', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(() => api.close());

  async function signedIn(overrides = {}, profile = {}) {
    const { member } = await createPractitioner(api.dataSource, { member: overrides, profile });
    return { member, token: (await openSession(api.dataSource, member, api.config.auth)).accessToken };
  }

  it('should update every field of one’s own profile and read it back', async () => {
    const { member, token } = await signedIn();
    const input = {
      displayName: 'Zahra Rahimi',
      nativeName: 'زهرا رحیمی',
      nameVariants: ['Zahra Rahimy'],
      position: 'Head of International Affairs',
      agency: { name: 'Judiciary — International Affairs', type: 'JUDICIARY', city: 'Tehran' },
      languages: [
        { code: 'en', level: 'WORKING' },
        { code: 'fa', level: 'NATIVE' },
      ],
      expertise: ['CHILD_TRAFFICKING', 'TIP_SEXUAL_EXPLOITATION'],
      competences: ['UNTOC_MLA'],
      timeZone: 'Asia/Tehran',
      workingDays: [6, 7, 1, 2, 3],
      workingHoursStart: '08:00',
      workingHoursEnd: '16:00',
      available24x7: false,
      bio: 'MLA requests concerning Iran.',
      contacts: [
        { kind: 'EMAIL', value: 'z.rahimi@judiciary.test', visibility: 'MEMBERS' },
        { kind: 'MOBILE', value: '+989121234567', label: 'urgent', visibility: 'COORDINATORS' },
        { kind: 'TELEGRAM', value: '@zrahimi_ir', visibility: 'MEMBERS' },
      ],
    };
    const response = await api.graphql(UPDATE, { input }, token);
    expect(response.body.errors).toBeUndefined();
    const profile = response.body.data.updateMyProfile;
    expect(profile).toMatchObject({
      id: member.id,
      displayName: 'Zahra Rahimi',
      nativeName: 'زهرا رحیمی',
      agency: { name: 'Judiciary — International Affairs', type: 'JUDICIARY', city: 'Tehran', country: 'UZ' },
      languages: [
        { code: 'fa', level: 'NATIVE' },
        { code: 'en', level: 'WORKING' },
      ],
      expertise: ['CHILD_TRAFFICKING', 'TIP_SEXUAL_EXPLOITATION'],
      workingDays: [6, 7, 1, 2, 3],
      stale: false,
    });
    expect(profile.contacts).toHaveLength(3);
    expect(profile.localTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d\+03:30$/);
  });

  it('should answer invalid input with the failing fields and change nothing', async () => {
    const { member, token } = await signedIn();
    const before = await api.dataSource
      .getRepository(PractitionerEntity)
      .findOneByOrFail({ memberId: member.id });
    const response = await api.graphql(
      UPDATE,
      {
        input: {
          displayName: 'Changed Name',
          languages: [{ code: 'xx', level: 'NATIVE' }],
          expertise: ['SMUGGLING_OF_UNICORNS'],
          competences: ['UNTOC_MLA', 'NOPE'],
          timeZone: 'Asia/Atlantis',
          contacts: [
            { kind: 'PHONE', value: '0712345678', visibility: 'MEMBERS' },
            { kind: 'EMAIL', value: 'not-an-email', visibility: 'MEMBERS' },
            { kind: 'MOBILE', value: '+99890123', visibility: 'COORDINATORS' },
          ],
        },
      },
      token,
    );
    expect(response.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'languages.0.code', code: 'INVALID_LANGUAGE', message: 'must be an ISO 639-1 code' },
        {
          path: 'expertise.0',
          code: 'INVALID_EXPERTISE',
          message: 'unknown expertise area: SMUGGLING_OF_UNICORNS',
        },
        { path: 'competences.1', code: 'INVALID_COMPETENCE', message: 'unknown competence: NOPE' },
        {
          path: 'timeZone',
          code: 'INVALID_TIME_ZONE',
          message: 'must be an IANA time zone such as Asia/Tashkent',
        },
        { path: 'contacts.0.value', code: 'INVALID_PHONE', message: PHONE_MESSAGE },
        { path: 'contacts.1.value', code: 'INVALID_EMAIL', message: 'must be an e-mail address' },
        { path: 'contacts.2.value', code: 'INVALID_PHONE', message: PHONE_MESSAGE },
      ],
    });
    const after = await api.dataSource
      .getRepository(PractitionerEntity)
      .findOneByOrFail({ memberId: member.id });
    expect(after.displayName).toBe(before.displayName);
  });

  it('should check shapes with class-validator before anything else', async () => {
    const { token } = await signedIn();
    const response = await api.graphql(
      UPDATE,
      { input: { workingHoursStart: '25:00', workingDays: [0, 8], bio: 'x'.repeat(2001) } },
      token,
    );
    const fields = response.body.errors[0].extensions.fields as { path: string }[];
    expect(fields.map((field) => field.path).sort()).toEqual([
      'bio',
      'workingDays',
      'workingDays',
      'workingHoursStart',
    ]);
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'bio', code: 'TOO_LONG', message: expect.any(String), max: 2000 },
        { path: 'workingDays', code: 'OUT_OF_RANGE', message: expect.any(String), min: 1, max: 7 },
        { path: 'workingHoursStart', code: 'INVALID_FORMAT', message: 'workingHoursStart must be HH:MM' },
      ]),
    );
  });

  it('should mark a profile stale after 12 months and fresh again once confirmed', async () => {
    const { member, token } = await signedIn(
      {},
      { confirmedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) },
    );
    const read = await api.graphql(
      'query($id: ID!) { practitioner(id: $id) { stale } }',
      { id: member.id },
      token,
    );
    expect(read.body.data.practitioner.stale).toBe(true);
    const confirmed = await api.graphql('mutation { confirmMyProfile { stale confirmedAt } }', {}, token);
    expect(confirmed.body.data.confirmMyProfile.stale).toBe(false);
  });

  it('should compute availability in the practitioner’s own time zone', async () => {
    const viewer = await signedIn();
    const { member: always } = await createPractitioner(api.dataSource, { profile: { available24x7: true } });
    const { member: never } = await createPractitioner(api.dataSource, {
      profile: { workingDays: [], timeZone: 'Pacific/Auckland' },
    });
    const response = await api.graphql(
      'query($ids: [ID!]!) { practitionersByIds(ids: $ids) { id availableNow localTime } }',
      { ids: [always.id, never.id] },
      viewer.token,
    );
    expect(response.body.data.practitionersByIds).toEqual([
      { id: always.id, availableNow: true, localTime: expect.stringMatching(/\+05:00$/) },
      { id: never.id, availableNow: false, localTime: expect.stringMatching(/\+1[23]:00$/) },
    ]);
  });

  it('should let a coordinator correct a profile in their countries only, and audit it', async () => {
    const coordinator = await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['UZ'] });
    const { member: inScope } = await createTarget(api);
    const { member: outOfScope } = await createPractitioner(api.dataSource, { profile: { country: 'PK' } });
    const EDIT = `mutation($input: UpdateMemberProfileInput!) { updateMemberProfile(input: $input) { position } }`;

    const ok = await api.graphql(
      EDIT,
      {
        input: {
          memberId: inScope.id,
          position: 'Senior Investigator',
          reason: 'Promotion reported by the agency',
        },
      },
      coordinator.token,
    );
    expect(ok.body.data.updateMemberProfile.position).toBe('Senior Investigator');
    const denied = await api.graphql(
      EDIT,
      { input: { memberId: outOfScope.id, position: 'Anything', reason: 'Not mine to change' } },
      coordinator.token,
    );
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const unchanged = await api.dataSource
      .getRepository(PractitionerEntity)
      .findOneByOrFail({ memberId: outOfScope.id });
    expect(unchanged.position).not.toBe('Anything');

    const log = await api.graphql(
      'query($f: AuditLogFilterInput) { auditLog(filter: $f) { edges { node { action reason data } } } }',
      { f: { targetId: inScope.id } },
      coordinator.token,
    );
    expect(log.body.data.auditLog.edges[0].node).toEqual({
      action: 'PROFILE_EDITED_BY_COORDINATOR',
      reason: 'Promotion reported by the agency',
      data: '{"fields":["position"]}',
    });
  });

  it('should give no contact value anywhere to a pending applicant, an expired or an anonymous caller', async () => {
    const { member: target } = await createTarget(api);
    const callers = [
      undefined,
      (await signedIn({ status: MemberStatus.PENDING, vettedUntil: null })).token,
      (await signedIn({ vettedUntil: new Date(Date.now() - 1000) })).token,
    ];
    for (const token of callers) {
      const response = await api.graphql(
        `query($id: ID!) { practitioner(id: $id) { ${FULL_PROFILE} } practitionersByIds(ids: [$id]) { contacts { value } } }`,
        { id: target.id },
        token,
      );
      expect(response.body.data).toBeNull();
      expect(response.text).not.toMatch(/@target\.test|\+998901234567/);
    }
  });

  it('should hide pending, suspended and lapsed members from vetted members, but not from staff', async () => {
    const viewer = await signedIn();
    const staff = await signedIn({ role: MemberRole.ADMIN });
    for (const shape of [
      { status: MemberStatus.PENDING, vettedUntil: null },
      { status: MemberStatus.SUSPENDED },
      { vettedUntil: new Date(Date.now() - 1000) },
    ]) {
      const { member } = await createTarget(api, shape);
      const query = 'query($id: ID!) { practitioner(id: $id) { id } }';
      const hidden = await api.graphql(query, { id: member.id }, viewer.token);
      expect(hidden.body.errors[0].extensions.code).toBe('NOT_FOUND');
      const shown = await api.graphql(query, { id: member.id }, staff.token);
      expect(shown.body.data.practitioner.id).toBe(member.id);
    }
  });

  it('should load 20 complete profiles with as many SQL statements as one', async () => {
    const viewer = await signedIn();
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const { member } = await createPractitioner(api.dataSource, {
        languages: [
          { code: 'uz', level: LanguageLevel.NATIVE },
          { code: 'en', level: LanguageLevel.BASIC },
        ],
        expertise: ['SOM_AIR', 'DOCUMENT_FRAUD'],
        competences: ['UNTOC_MLA'],
        contacts: [
          { kind: ContactKind.EMAIL, value: `p${i}@agency.test`, visibility: ContactVisibility.MEMBERS },
          { kind: ContactKind.MOBILE, value: '+998901234567', visibility: ContactVisibility.COORDINATORS },
        ],
      });
      ids.push(member.id);
    }
    const logQuery = jest.spyOn(api.dataSource.logger, 'logQuery');
    const statementsFor = async (subset: string[]) => {
      logQuery.mockClear();
      const response = await api.graphql(
        `query($ids: [ID!]!) { practitionersByIds(ids: $ids) { ${FULL_PROFILE} } }`,
        { ids: subset },
        viewer.token,
      );
      expect(response.body.data.practitionersByIds).toHaveLength(subset.length);
      return logQuery.mock.calls.length;
    };
    const one = await statementsFor(ids.slice(0, 1));
    const twenty = await statementsFor(ids);
    logQuery.mockRestore();
    expect(twenty).toBe(one);
    expect(twenty).toBeLessThanOrEqual(10);
  });
});
