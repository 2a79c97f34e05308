import request from 'supertest';
import {
  AuditAction,
  AuditService,
  EXPORT_PAGE_SIZE,
  MemberEntity,
  MemberRole,
  MemberStatus,
} from '@app/identity';
import { buildMember, createMember, factoryPasswordHash } from '../factories/member.factory';
import { createPractitioner } from '../factories/practitioner.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { openSession } from '../utils/sessions';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const MEMBERS_HEADER =
  'id,displayName,email,country,role,status,vettedAt,vettedUntil,profileConfirmedAt,createdAt\r\n';
const AUDIT_HEADER = 'seq,at,action,actorId,targetId,country,reason,hash,prevHash\r\n';
const DAY = 24 * 3600 * 1000;

/** The response body as raw bytes, whatever its type (supertest would decode text and could drop the BOM). */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  // In Node the parser is handed the incoming message itself: a byte stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('CSV exports', () => {
  let api: TestApp;
  let uzCoordinator: string;
  let kzCoordinator: string;
  let admin: string;
  let adminId: string;
  let member: string;
  const people: Record<'hostile' | 'cyrillic' | 'pendingUz' | 'kazakh', MemberEntity> = {} as never;
  /** A month ago: fresh. */
  const confirmedAt = new Date(Date.now() - 30 * DAY);
  let tjCoordinator: string;
  let kgCoordinator: string;

  async function signedIn(fields: Partial<MemberEntity>): Promise<{ token: string; id: string }> {
    const created = await createMember(api.dataSource, { vettedUntil: null, ...fields });
    return {
      token: (await openSession(api.dataSource, created, api.config.auth)).accessToken,
      id: created.id,
    };
  }

  beforeAll(async () => {
    api = await createTestApp();
    const base = Date.now() - 30 * DAY;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    people.hostile = (
      await createPractitioner(api.dataSource, {
        member: { createdAt: at(1), vettedAt: at(2), vettedUntil: new Date(Date.UTC(2027, 5, 30)) },
        profile: { country: 'UZ', displayName: "=cmd|' /C calc'!A0", confirmedAt },
      })
    ).member;
    people.cyrillic = (
      await createPractitioner(api.dataSource, {
        member: { createdAt: at(3), vettedAt: at(4), vettedUntil: new Date(Date.UTC(2026, 11, 31)) },
        profile: { country: 'UZ', displayName: 'Юлдашев, Эркин "Эрик"', confirmedAt: null },
      })
    ).member;
    people.pendingUz = (
      await createPractitioner(api.dataSource, {
        member: { createdAt: at(5), status: MemberStatus.PENDING, vettedAt: null, vettedUntil: null },
        profile: { country: 'UZ', displayName: 'Malika Rashidova', confirmedAt },
      })
    ).member;
    people.kazakh = (
      await createPractitioner(api.dataSource, {
        member: { createdAt: at(6), vettedAt: at(7), vettedUntil: new Date(Date.UTC(2026, 8, 1)) },
        profile: { country: 'KZ', displayName: 'Aigul Bekmukhanova', confirmedAt },
      })
    ).member;
    uzCoordinator = (await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['UZ'] })).token;
    kzCoordinator = (await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['KZ'] })).token;
    tjCoordinator = (await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['TJ'] })).token;
    kgCoordinator = (await signedIn({ role: MemberRole.COORDINATOR, coordinatorCountries: ['KG'] })).token;
    ({ token: admin, id: adminId } = await signedIn({ role: MemberRole.ADMIN }));
    member = (await signedIn({})).token;
  });

  afterAll(() => api.close());

  const download = (path: string, token?: string) => {
    const req = request(api.app.getHttpServer()).get(path).buffer(true).parse(binary);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const csvText = (body: Buffer) => {
    expect(body.subarray(0, 3)).toEqual(BOM);
    return body.subarray(3).toString('utf8');
  };
  const iso = (date: Date | null) => (date ? date.toISOString() : '');
  const row = (m: MemberEntity, displayName: string, country: string, profileConfirmed: Date | null) =>
    [
      m.id,
      displayName,
      m.email,
      country,
      m.role,
      m.status,
      iso(m.vettedAt),
      iso(m.vettedUntil),
      iso(profileConfirmed),
      iso(m.createdAt),
    ].join(',') + '\r\n';
  const today = () => new Date().toISOString().slice(0, 10);

  it('should send a coordinator their countries’ members as an Excel-ready, formula-safe CSV', async () => {
    const res = await download('/exports/members.csv', uzCoordinator);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="counterpart-members-${today()}.csv"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(csvText(res.body as Buffer)).toBe(
      MEMBERS_HEADER +
        row(people.hostile, "'=cmd|' /C calc'!A0", 'UZ', confirmedAt) +
        row(people.cyrillic, '"Юлдашев, Эркин ""Эрик"""', 'UZ', null) +
        row(people.pendingUz, 'Malika Rashidova', 'UZ', confirmedAt),
    );
  });

  it('should filter as the members query does, within the same scope', async () => {
    const pending = await download('/exports/members.csv?status=PENDING&countries=UZ', uzCoordinator);
    expect(csvText(pending.body as Buffer)).toBe(
      MEMBERS_HEADER + row(people.pendingUz, 'Malika Rashidova', 'UZ', confirmedAt),
    );
    const expiring = await download('/exports/members.csv?vettingExpiresBefore=2027-01-01', uzCoordinator);
    expect(csvText(expiring.body as Buffer)).toBe(
      MEMBERS_HEADER + row(people.cyrillic, '"Юлдашев, Эркин ""Эрик"""', 'UZ', null),
    );
    // A coordinator asking for a country outside their scope gets what `members` gives: nobody.
    const outside = await download('/exports/members.csv?countries=KZ', uzCoordinator);
    expect(outside.status).toBe(200);
    expect(csvText(outside.body as Buffer)).toBe(MEMBERS_HEADER);
    const query = await api.graphql(
      '{ members(filter: { countries: ["KZ"] }) { totalCount } }',
      {},
      uzCoordinator,
    );
    expect(query.body.data.members.totalCount).toBe(0);
    // An admin sees every country; the staff without a profile have empty profile cells.
    const all = csvText(
      (await download('/exports/members.csv?countries=KZ,UZ&status=VETTED', admin)).body as Buffer,
    );
    expect(all).toBe(
      MEMBERS_HEADER +
        row(people.hostile, "'=cmd|' /C calc'!A0", 'UZ', confirmedAt) +
        row(people.cyrillic, '"Юлдашев, Эркин ""Эрик"""', 'UZ', null) +
        row(people.kazakh, 'Aigul Bekmukhanova', 'KZ', confirmedAt),
    );
    const fresh = csvText(
      (await download('/exports/members.csv?staleProfile=false&countries=UZ,KZ', admin)).body as Buffer,
    );
    expect(fresh.split('\r\n').filter(Boolean)).toHaveLength(1 + 4);
    expect(csvText((await download('/exports/members.csv?staleProfile=true', admin)).body as Buffer)).toBe(
      MEMBERS_HEADER,
    );
    // `staleProfile=` (empty) is no filter: the six staff accounts, without a profile, come with an empty name.
    const staffRows = csvText((await download('/exports/members.csv?staleProfile=', admin)).body as Buffer)
      .split('\r\n')
      .filter((line) => /^[0-9a-f-]{36},,/.test(line));
    expect(staffRows).toHaveLength(6);
  });

  it('should record each export in the audit log, with its filter', async () => {
    await download('/exports/members.csv?status=VETTED&staleProfile=true', kzCoordinator).expect(200);
    const log = await api.graphql(
      '{ auditLog(filter: { action: "MEMBERS_EXPORTED" }, first: 1) { edges { node { action data country } } } }',
      {},
      admin,
    );
    const [entry] = log.body.data.auditLog.edges;
    expect(entry.node.country).toBeNull();
    expect(JSON.parse(entry.node.data)).toEqual({
      filter: { countries: null, staleProfile: true, status: 'VETTED', vettingExpiresBefore: null },
      scope: ['KZ'],
    });
  });

  it('should export the audit log as auditLog lists it, scoped to the coordinator’s countries', async () => {
    const SUSPEND = 'mutation($input: MemberReasonInput!) { suspendMember(input: $input) { status } }';
    const tajik = (await createPractitioner(api.dataSource, { profile: { country: 'TJ' } })).member;
    const kyrgyz = (await createPractitioner(api.dataSource, { profile: { country: 'KG' } })).member;
    for (const target of [tajik, kyrgyz]) {
      const done = await api.graphql(
        SUSPEND,
        { input: { memberId: target.id, reason: '=1+1, "checked"' } },
        admin,
      );
      expect(done.body.data.suspendMember.status).toBe('SUSPENDED');
    }
    const LOG = `{ auditLog { edges { node { seq at action actorId targetId country reason hash prevHash } } } }`;
    const entries = (await api.graphql(LOG, {}, tjCoordinator)).body.data.auditLog.edges.map(
      (edge: { node: Record<string, unknown> }) => edge.node,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'MEMBER_SUSPENDED', targetId: tajik.id, country: 'TJ' });
    const res = await download('/exports/audit.csv', tjCoordinator);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="counterpart-audit-${today()}.csv"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const [entry] = entries as { seq: number; at: string; hash: string; prevHash: string }[];
    expect(csvText(res.body as Buffer)).toBe(
      AUDIT_HEADER +
        `${entry.seq},${entry.at},MEMBER_SUSPENDED,${adminId},${tajik.id},TJ,` +
        `"'=1+1, ""checked""",${entry.hash},${entry.prevHash}\r\n`,
    );
    // The admin's export lists everything newest first, its own AUDIT_EXPORTED entry included, and filters.
    const adminLog = csvText((await download('/exports/audit.csv', admin)).body as Buffer).split('\r\n');
    expect(adminLog[1]).toMatch(/^\d+,[^,]+,AUDIT_EXPORTED,/);
    const seqs = adminLog.slice(1, -1).map((line) => Number(line.split(',')[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const kg = csvText(
      (await download(`/exports/audit.csv?action=MEMBER_SUSPENDED&targetId=${kyrgyz.id}`, kgCoordinator))
        .body as Buffer,
    ).split('\r\n');
    expect(kg).toHaveLength(3);
    expect(kg[1]).toContain(`,MEMBER_SUSPENDED,${adminId},${kyrgyz.id},KG,`);
    // Another coordinator's country: not in this coordinator's export.
    expect(
      csvText((await download(`/exports/audit.csv?targetId=${kyrgyz.id}`, tjCoordinator)).body as Buffer),
    ).toBe(AUDIT_HEADER);
    const none = await download(`/exports/audit.csv?actorId=${people.kazakh.id}`, admin);
    expect(csvText(none.body as Buffer)).toBe(AUDIT_HEADER);
  });

  it('should answer 401 without a valid token and 403 to a member, as JSON, sending no CSV', async () => {
    for (const path of ['/exports/members.csv', '/exports/audit.csv']) {
      for (const token of [undefined, 'not-a-token']) {
        const res = await download(path, token);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(JSON.parse((res.body as Buffer).toString('utf8'))).toEqual({
          errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
      const forbidden = await download(path, member);
      expect(forbidden.status).toBe(403);
      expect(JSON.parse((forbidden.body as Buffer).toString('utf8')).errors[0].extensions.code).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('should refuse a bad filter value with 400 and the field, recording nothing', async () => {
    const chainLength = async () =>
      (await api.graphql('{ auditChainStatus { length } }', {}, admin)).body.data.auditChainStatus
        .length as number;
    const before = await chainLength();
    const cases: [string, string, string][] = [
      ['/exports/members.csv?status=ASLEEP', 'status', 'INVALID'],
      ['/exports/members.csv?countries=KZ,uzb', 'countries', 'INVALID_COUNTRY'],
      ['/exports/members.csv?vettingExpiresBefore=next-week', 'vettingExpiresBefore', 'INVALID_DATE'],
      ['/exports/members.csv?staleProfile=yes', 'staleProfile', 'INVALID'],
      ['/exports/members.csv?format=xlsx', 'format', 'NOT_ALLOWED'],
      ['/exports/audit.csv?actorId=42', 'actorId', 'INVALID_ID'],
      ['/exports/audit.csv?action=DROP_TABLE', 'action', 'INVALID'],
    ];
    for (const [path, field, code] of cases) {
      const res = await download(path, admin);
      expect([path, res.status]).toEqual([path, 400]);
      const body = JSON.parse((res.body as Buffer).toString('utf8'));
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fields).toContainEqual(expect.objectContaining({ code }));
      expect(body.errors[0].extensions.fields[0].path.split('.')[0]).toBe(field);
    }
    expect(await chainLength()).toBe(before);
  });
});

describe('CSV exports longer than one page', () => {
  let api: TestApp;
  let admin: string;

  beforeAll(async () => {
    api = await createTestApp();
    const created = await createMember(api.dataSource, { role: MemberRole.ADMIN, vettedUntil: null });
    admin = (await openSession(api.dataSource, created, api.config.auth)).accessToken;
  });

  afterAll(() => api.close());

  const lines = async (path: string) => {
    const res = await request(api.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    return (res.body as Buffer).subarray(3).toString('utf8').split('\r\n').slice(1, -1);
  };

  it('should page members by (createdAt, id) without a gap or a repeat, ties included', async () => {
    const hash = await factoryPasswordHash();
    const start = Date.now() - DAY;
    // Twenty members applied at the same instant, across the first page's end: the id breaks the tie.
    const tied = (i: number) => i >= EXPORT_PAGE_SIZE - 10 && i < EXPORT_PAGE_SIZE + 10;
    const members = Array.from({ length: EXPORT_PAGE_SIZE + 20 }, (_, i) =>
      buildMember(hash, { createdAt: new Date(start + (tied(i) ? EXPORT_PAGE_SIZE - 10 : i) * 1000) }),
    );
    // Expected before inserting: TypeORM writes what it reads back into the inserted objects.
    const byOrder = members
      .map((m) => ({ id: m.id, at: m.createdAt.getTime() }))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    for (let i = 0; i < members.length; i += 100) {
      await api.dataSource
        .createQueryBuilder()
        .insert()
        .into(MemberEntity)
        .values(members.slice(i, i + 100))
        .updateEntity(false)
        .execute();
    }
    const ids = (await lines('/exports/members.csv')).map((line) => line.split(',')[0]);
    // The admin signed in first (created now), so last.
    expect(ids).toHaveLength(members.length + 1);
    expect(ids.slice(0, -1)).toEqual(byOrder.map((m) => m.id));
  });

  it('should page the audit log newest first, up to the entry that records the export', async () => {
    const audit = api.app.get(AuditService);
    for (let i = 0; i < EXPORT_PAGE_SIZE + 20; i += 1) {
      await audit.record({ actorId: null, action: AuditAction.SIGN_IN_FAILURE_BURST, reason: `burst ${i}` });
    }
    const { length } = await audit.verify();
    const seqs = (await lines('/exports/audit.csv')).map((line) => Number(line.split(',')[0]));
    // Every entry, the export's own AUDIT_EXPORTED (length + 1) first.
    expect(seqs).toEqual(Array.from({ length: length + 1 }, (_, i) => length + 1 - i));
  });
});
