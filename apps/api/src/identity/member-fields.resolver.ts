import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryLoaders } from '@app/directory';
import { Loaders } from '../directory/directory-context';
import { MemberModel } from './identity.models';

/** Member fields that come from the practitioner profile, batched per request (one query for a whole page). */
@Resolver(() => MemberModel)
export class MemberFieldsResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: 'The practitioner profile’s display name (null without a profile)',
  })
  async displayName(
    @Parent() member: MemberModel,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<string | null> {
    return (await loaders.profiles.load(member.id))?.profile.displayName ?? null;
  }
}
