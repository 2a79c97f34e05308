import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { DomainException } from '@app/common';
import { AuthService, type RequestContext, type Viewer } from '@app/identity';

interface ViewerRequest extends Request {
  viewerLookup?: Promise<Viewer>;
  viewer?: Viewer;
}

function requestOf(context: ExecutionContext): ViewerRequest {
  return GqlExecutionContext.create(context).getContext<{ req: ViewerRequest }>().req;
}

/** Resolves `Authorization: Bearer <accessToken>` to the viewer: null when absent, invalid, expired or revoked. */
async function resolveViewer(auth: AuthService, header: string | undefined): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) {
    return null;
  }
  try {
    return await auth.authenticate(match[1]);
  } catch (error) {
    if (error instanceof DomainException) {
      return null;
    }
    throw error;
  }
}

/**
 * The viewer of a plain HTTP request (the CSV exports), by the same bearer-token rule as GraphQL and looked up once
 * per request. Like the guard below it never refuses: the services decide who may do what.
 */
export function viewerOfRequest(auth: AuthService, req: Request): Promise<Viewer> {
  const viewerRequest = req as ViewerRequest;
  viewerRequest.viewerLookup ??= resolveViewer(auth, req.headers.authorization);
  return viewerRequest.viewerLookup;
}

/**
 * Reads `Authorization: Bearer <accessToken>` once per request and resolves the viewer (null when anonymous or when
 * the token is invalid, expired or revoked). It never rejects a request: the services decide who may do what.
 */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') {
      return true;
    }
    const req = requestOf(context);
    req.viewer = await viewerOfRequest(this.auth, req);
    return true;
  }
}

/** The caller of the current GraphQL operation (null when anonymous). */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer => requestOf(context).viewer ?? null,
);

/** IP and other request facts the services need (rate limits). */
export const RequestInfo = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => ({ ip: requestOf(context).ip ?? null }),
);
