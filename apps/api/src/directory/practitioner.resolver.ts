import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { PractitionerService, type DirectoryViewer, type PractitionerView } from '@app/directory';
import { isActiveMember, MemberRole, type Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { PractitionerModel } from './practitioner.models';

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

export function toPractitionerModel(view: PractitionerView): PractitionerModel {
  const { profile, agency } = view;
  return {
    id: profile.memberId,
    displayName: profile.displayName,
    nativeName: profile.nativeName,
    nameVariants: profile.nameVariants,
    position: profile.position,
    country: profile.country,
    agency: agency && { name: agency.name, type: agency.type, city: agency.city, country: agency.country },
    languages: view.languages.map(({ languageCode, level }) => ({ code: languageCode, level })),
    expertise: view.expertise,
    competences: view.competences,
    timeZone: profile.timeZone,
    workingDays: profile.workingDays,
    workingHoursStart: profile.workingHoursStart,
    workingHoursEnd: profile.workingHoursEnd,
    available24x7: profile.available24x7,
    bio: profile.bio,
    confirmedAt: profile.confirmedAt,
    contacts: view.contacts.map(({ kind, value, label, visibility }) => ({ kind, value, label, visibility })),
  };
}

@Resolver(() => PractitionerModel)
export class PractitionerResolver {
  constructor(private readonly practitioners: PractitionerService) {}

  @Query(() => PractitionerModel)
  async practitioner(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PractitionerModel> {
    return toPractitionerModel(await this.practitioners.findOne(directoryViewer(viewer), id));
  }
}
