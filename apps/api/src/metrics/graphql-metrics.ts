import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from '@app/common';

/** An operation name used as a label as it is; anything else is counted as `other`. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names labelled per process: the web client has a few dozen; a flood of made-up names stops here. */
export const MAX_OPERATION_NAMES = 200;
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

export const GRAPHQL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Context = GraphQLRequestContextWillSendResponse<Record<string, unknown>>;

/**
 * GraphQL metrics: `graphql_operation_duration_seconds{operation, type}` from the request's arrival at Apollo to its
 * answer, and `graphql_errors_total{code, operation}` for every error answered (its `extensions.code`, after
 * formatError). Labels stay bounded: a name is the client's own string, so only well-formed ones, and only the first
 * MAX_OPERATION_NAMES of them; an operation that did not parse or validate is `anonymous` of type `unknown`.
 */
@Injectable()
export class GraphqlMetrics {
  private readonly duration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code' | 'operation'>;
  private readonly names = new Set<string>();

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name and type (query, mutation; unknown: not parsed or not valid)',
      labelNames: ['operation', 'type'] as const,
      buckets: GRAPHQL_BUCKETS,
      registers: [metrics.registry],
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors answered, by extensions.code and operation name',
      labelNames: ['code', 'operation'] as const,
      registers: [metrics.registry],
    });
  }

  /** The Apollo plugin that feeds both metrics. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: () => {
        const end = this.duration.startTimer();
        return Promise.resolve({
          willSendResponse: (context: Context) => {
            const operation = this.operationLabel(context.operation ? context.operationName : undefined);
            end({ operation, type: context.operation?.operation ?? 'unknown' });
            const errors =
              context.response.body.kind === 'single' ? context.response.body.singleResult.errors : [];
            for (const error of errors ?? []) {
              const code = error.extensions?.code;
              this.errors.inc({
                code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER',
                operation,
              });
            }
            return Promise.resolve();
          },
        });
      },
    };
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) {
      return 'anonymous';
    }
    if (!OPERATION_NAME.test(name)) {
      return 'other';
    }
    if (!this.names.has(name)) {
      if (this.names.size >= MAX_OPERATION_NAMES) {
        return 'other';
      }
      this.names.add(name);
    }
    return name;
  }
}
