import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { DirectoryLoaders, DirectoryViewer } from '@app/directory';
import { isActiveMember, MemberRole, type Viewer } from '@app/identity';

/** The request's DataLoaders (created per request in the GraphQL context). */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DirectoryLoaders =>
    GqlExecutionContext.create(context).getContext<{ loaders: DirectoryLoaders }>().loaders,
);

/**
 * The request's instant on the directory clock (taken when the GraphQL context was made): every time-of-day answer
 * of one response — the availableNow filter, availableNow and localTime fields — is about the same moment.
 */
export const RequestTime = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Date =>
    GqlExecutionContext.create(context).getContext<{ now: Date }>().now,
);

/** The identity actor as the directory sees it. */
export function directoryViewer(viewer: Viewer): DirectoryViewer | null {
  if (!viewer) {
    return null;
  }
  const active = isActiveMember(viewer);
  return {
    memberId: viewer.memberId,
    active,
    staff: active && (viewer.role === MemberRole.COORDINATOR || viewer.role === MemberRole.ADMIN),
  };
}
