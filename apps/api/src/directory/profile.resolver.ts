import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { PractitionerService, type DirectoryLoaders } from '@app/directory';
import { ProfileAdministrationService, type Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { directoryViewer, Loaders } from './directory-context';
import { PractitionerModel, type PractitionerParent } from './practitioner.models';
import { toPractitionerParent } from './practitioner.resolver';
import { UpdateMemberProfileInput, UpdateProfileInput } from './profile.inputs';

/** Profile edits: a member's own, and a coordinator's correction of a profile in their countries (audited). */
@Resolver()
export class ProfileResolver {
  constructor(
    private readonly practitioners: PractitionerService,
    private readonly administration: ProfileAdministrationService,
  ) {}

  @Mutation(() => PractitionerModel, { description: 'Validates every field; on error changes nothing' })
  async updateMyProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateProfileInput,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent> {
    await this.practitioners.updateMine(directoryViewer(viewer), input);
    return this.reload(viewer, loaders);
  }

  @Mutation(() => PractitionerModel, { description: 'Confirms the profile is current (clears `stale`)' })
  async confirmMyProfile(
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent> {
    await this.practitioners.confirmMine(directoryViewer(viewer));
    return this.reload(viewer, loaders);
  }

  @Mutation(() => PractitionerModel, { description: 'Coordinator (member’s country in scope) or admin' })
  async updateMemberProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMemberProfileInput,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent> {
    const { memberId, reason, ...changes } = input;
    await this.administration.update(viewer, memberId, changes, reason);
    const { profile } = await this.practitioners.findOne(directoryViewer(viewer), memberId, loaders);
    return toPractitionerParent(profile);
  }

  private async reload(viewer: Viewer, loaders: DirectoryLoaders): Promise<PractitionerParent> {
    const self = directoryViewer(viewer);
    const { profile } = await this.practitioners.findOne(self, self?.memberId ?? '', loaders);
    return toPractitionerParent(profile);
  }
}
