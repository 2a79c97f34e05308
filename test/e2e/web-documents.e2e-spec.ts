import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type DefinitionNode,
  type FragmentDefinitionNode,
} from 'graphql';
import { createTestApp, type TestApp } from '../utils/create-test-app';

const WEB_SOURCES = join(__dirname, '../../apps/web/src');

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'e2e-production-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: 'e2e-production-totp-key-0123456789abcdef',
};

/** Every `*.graphql` file of the web client (the documents it sends: apps/web/codegen.ts reads the same files). */
function graphqlFiles(folder = WEB_SOURCES): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : graphqlFiles(path);
    }
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}

/** The fragments `node` spreads, and those they spread in turn (the document typed-document-node builds). */
function usedFragments(
  node: ASTNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (from: ASTNode) =>
    visit(from, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  walk(node);
  return [...used.values()];
}

/**
 * Each operation of each file as the client sends it: the operation and the fragments it uses, from any file (codegen
 * reads them all, and typed-document-node appends the used ones to each document).
 */
function operations(): { name: string; document: string }[] {
  const files = graphqlFiles().map((file) => ({
    file,
    definitions: parse(readFileSync(file, 'utf8')).definitions,
  }));
  const fragments = new Map(
    files
      .flatMap(({ definitions }) => definitions)
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return files.flatMap(({ file, definitions }) =>
    definitions
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({
        name: `${relative(WEB_SOURCES, file)} ${operation.name?.value ?? '(anonymous)'}`,
        document: [operation, ...usedFragments(operation, fragments)]
          .map((definition: DefinitionNode) => print(definition))
          .join('\n'),
      })),
  );
}

const LIMIT_CODES = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

describe("The web client's GraphQL documents", () => {
  let api: TestApp;
  const documents = operations();

  beforeAll(async () => {
    api = await createTestApp({ env: PRODUCTION_ENV });
  });

  afterAll(() => api.close());

  it('should include every operation the client sends', () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
    expect(documents.map((document) => document.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/home\/api\/me\.graphql Home$/)]),
    );
  });

  it.each(documents)(
    'should keep $name within the production limits (it fails later, for want of a session, not at validation)',
    async ({ document }) => {
      const response = await api.graphql(document);
      const codes = (response.body as { errors?: { extensions?: { code?: string } }[] }).errors?.map(
        (error) => error.extensions?.code,
      );
      const refused = (
        response.body as { errors?: { message: string; extensions?: { code?: string } }[] }
      ).errors
        ?.filter((error) => error.extensions?.code && LIMIT_CODES.includes(error.extensions.code))
        .map((error) => error.message);
      expect(refused ?? []).toEqual([]);
      // Anonymous, so it stops at authentication or at its variables: proof it passed parsing and validation.
      expect(codes).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/)]),
      );
    },
  );

  it('should be checked by limits that do refuse (a positive control on the same server)', async () => {
    // 12 levels: __schema, types, fields, type and eight ofType, then name (production allows 10).
    const tooDeep = `{ __schema { types { fields { type { ${'ofType { '.repeat(8)}name${' }'.repeat(8)} } } } } }`;
    const response = await api.graphql(tooDeep);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
  });
});
