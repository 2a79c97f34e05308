import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ServerConfig } from '@app/config';

/** The code of every document-limit refusal (Apollo's code for any validation failure). */
export const LIMIT_ERROR_CODE = 'GRAPHQL_VALIDATION_FAILED';

/** Which limit refused a document: `extensions.limit` of the error. */
export type DocumentLimit = 'depth' | 'aliases' | 'directives' | 'cost' | 'repeats';

type Limits = ServerConfig['graphql'];

/** A refusal a client can act on: a plain message, the documented code and the limit's name. */
function limitError(limit: DocumentLimit, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: LIMIT_ERROR_CODE, limit } });
}

/**
 * graphql-armor words its refusals "Syntax Error: Aliases limit of 15 exceeded, found 16."; this reports them to the
 * validation context (so they count against maxErrors and answer like any validation error) in plain words.
 */
function reporter(limit: DocumentLimit, describe: (found: string, max: string) => string) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const [, max = '?', found = '?'] =
      /limit of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/.exec(error.message) ?? [];
    context?.reportError(limitError(limit, describe(String(Math.ceil(Number(found))), max)));
  };
}

/**
 * Every limit a document must meet before anything executes, in the order a request meets them:
 * - tokens (parse): graphql-js stops parsing after `maxTokens` (a GRAPHQL_PARSE_FAILED error);
 * - depth, aliases (every field, `__typename` included), directives and cost (every selected field, introspection
 *   included) through graphql-armor's rules;
 * - repeats: one selection set may name the same response key or fragment at most `maxFieldRepeats` times;
 * - errors: validation stops after `maxErrors` errors and adds one saying so.
 */
export function documentLimits(limits: Limits): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  validationOptions: { maxErrors: number };
  plugins: ReturnType<ApolloArmor['protect']>['plugins'];
} {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false }, // parseOptions.maxTokens: armor's parser throws from a plugin hook (a 500)
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: [
        reporter('depth', (found, max) => `The query is ${found} levels deep; at most ${max} are allowed.`),
      ],
    },
    maxAliases: {
      n: limits.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [
        reporter(
          'aliases',
          (found, max) =>
            `The query uses ${found} aliases; at most ${max} are allowed (__typename counts too).`,
        ),
      ],
    },
    maxDirectives: { enabled: false }, // maxDirectivesRule: armor's drops the directives of a repeated spread
    costLimit: {
      maxCost: limits.maxCost,
      ignoreIntrospection: false,
      propagateOnRejection: false,
      onReject: [reporter('cost', (found, max) => `The query costs ${found}; at most ${max} is allowed.`)],
    },
    blockFieldSuggestion: { enabled: limits.production },
  }).protect();
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      ...armor.validationRules,
      maxDirectivesRule(limits.maxDirectives),
      maxRepeatedSelectionsRule(limits.maxFieldRepeats),
    ],
    validationOptions: { maxErrors: limits.maxErrors },
    plugins: armor.plugins,
  };
}

type DirectiveCarrier = {
  kind: Kind;
  directives?: readonly unknown[];
  selectionSet?: SelectionSetNode;
  name?: { value: string };
};

/**
 * Counts every directive of an operation as it executes: each fragment spread counts its own directives and, every
 * time it is spread, the directives inside the fragment (memoized per fragment; a cycle counts once, graphql-js
 * reports it). Refuses the operation above `max`.
 */
export function maxDirectivesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const perFragment = new Map<string, number>();
    const count = (node: DirectiveCarrier, visiting: ReadonlySet<string>): number => {
      let found = node.directives?.length ?? 0;
      if (node.kind === Kind.FRAGMENT_SPREAD && node.name) {
        const name = node.name.value;
        if (visiting.has(name)) {
          return found;
        }
        let inner = perFragment.get(name);
        if (inner === undefined) {
          const fragment = context.getFragment(name);
          inner = fragment ? count(fragment, new Set([...visiting, name])) : 0;
          perFragment.set(name, inner);
        }
        return found + inner;
      }
      for (const selection of node.selectionSet?.selections ?? []) {
        found += count(selection, visiting);
      }
      return found;
    };
    return {
      OperationDefinition(operation) {
        const found = count(operation, new Set());
        if (found > max) {
          context.reportError(
            limitError('directives', `The query uses ${found} directives; at most ${max} are allowed.`),
          );
        }
      },
    };
  };
}

/**
 * Refuses a selection set that names the same response key (a field, or its alias) or spreads the same fragment more
 * than `max` times: `{ __typename __typename … }` is merged into one field by GraphQL, but every copy still costs
 * parsing, validation and merging work. Reported once per selection set.
 */
export function maxRepeatedSelectionsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    SelectionSet(node: SelectionSetNode) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        const key =
          selection.kind === Kind.FIELD
            ? (selection.alias ?? selection.name).value
            : selection.kind === Kind.FRAGMENT_SPREAD
              ? `...${selection.name.value}`
              : undefined;
        if (key !== undefined) {
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      for (const [key, count] of counts) {
        if (count > max) {
          context.reportError(
            limitError(
              'repeats',
              `"${key}" is selected ${count} times in one selection set; at most ${max} are allowed.`,
            ),
          );
          return;
        }
      }
    },
  });
}
