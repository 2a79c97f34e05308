import { API_MAIN, startNode, type Running } from '../utils/processes';
import { connectDataSource, createTestDatabase, type TestDatabase } from '../utils/test-database';

// A built API process (its JSON log lines are what is tested); 1–2 s to boot on a loaded machine.
jest.setTimeout(30_000);

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
}

const SIGN_IN =
  'mutation { signIn(input: { email: "nobody@example.test", password: "not-a-password" }) { accessToken } }';

describe('request ids in the JSON log lines', () => {
  let database: TestDatabase;
  let api: Running;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // NODE_ENV=test logs JSON lines (as production does); info shows each request's line.
    api = startNode(API_MAIN, { ...database.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0' });
    [, url] = await api.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/);
  });

  afterAll(async () => {
    api.child.kill('SIGKILL');
    await api.finished;
    await database.drop();
  });

  /** The JSON log lines of the request with this id, once its "request completed" line is out. */
  async function linesOf(requestId: string): Promise<LogLine[]> {
    const lines = () =>
      api
        .output()
        .stdout.split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine)
        .filter((line) => line.req?.id === requestId);
    await api.waitFor(new RegExp(`"id":"${requestId}".*"msg":"request completed"`));
    return lines();
  }

  function post(requestId: string, query: string): Promise<Response> {
    return fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query }),
    });
  }

  it('should log each request with the id it sent, echo it, and make one when none or a malformed one comes', async () => {
    const res = await post('trace-ok-1', '{ __typename }');
    expect(res.headers.get('x-request-id')).toBe('trace-ok-1');
    const [line] = await linesOf('trace-ok-1');
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });

    const made = (await post('not a valid id!', '{ __typename }')).headers.get('x-request-id') ?? '';
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(await linesOf(made)).toHaveLength(1);
  });

  it('should carry the request id on errors logged while the request is handled', async () => {
    // A table the sign-in reads goes missing: the resolver fails with an unexpected error, logged on the server only.
    const dataSource = await connectDataSource(database.config);
    await dataSource.query('ALTER TABLE auth_attempt RENAME TO auth_attempt_gone');
    await dataSource.destroy();
    const res = await post('trace-error-1', SIGN_IN);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });

    const lines = await linesOf('trace-error-1');
    const errors = lines.filter((line) => line.level >= 40);
    expect(errors.map((line) => line.context)).toContain('GraphQL');
    expect(errors.every((line) => line.req?.url === '/graphql')).toBe(true);
    // Never the password or the e-mail address of the request.
    expect(JSON.stringify(lines)).not.toContain('not-a-password');
  });
});
