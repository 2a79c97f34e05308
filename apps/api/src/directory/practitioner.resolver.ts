import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  isAvailable,
  isStale,
  localMoment,
  MAX_PROFILES_PER_REQUEST,
  PractitionerService,
  type DirectoryLoaders,
  type PractitionerEntity,
} from '@app/directory';
import { MembershipService, type Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { directoryViewer, Loaders, RequestTime } from './directory-context';
import {
  AgencyModel,
  ContactChannelModel,
  LanguageSkillModel,
  PractitionerModel,
  type PractitionerParent,
} from './practitioner.models';

export function toPractitionerParent(profile: PractitionerEntity): PractitionerParent {
  return {
    id: profile.memberId,
    displayName: profile.displayName,
    nativeName: profile.nativeName,
    nameVariants: profile.nameVariants,
    position: profile.position,
    country: profile.country,
    agencyId: profile.agencyId,
    timeZone: profile.timeZone,
    workingDays: profile.workingDays,
    workingHoursStart: profile.workingHoursStart,
    workingHoursEnd: profile.workingHoursEnd,
    available24x7: profile.available24x7,
    bio: profile.bio,
    confirmedAt: profile.confirmedAt,
  };
}

/** Practitioner profiles: every related field is batched per request (DataLoader), whatever the list size. */
@Resolver(() => PractitionerModel)
export class PractitionerResolver {
  constructor(
    private readonly practitioners: PractitionerService,
    private readonly membership: MembershipService,
  ) {}

  @Query(() => PractitionerModel)
  async practitioner(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent> {
    const { profile } = await this.practitioners.findOne(directoryViewer(viewer), id, loaders);
    return toPractitionerParent(profile);
  }

  @Query(() => [PractitionerModel], {
    description: `The visible profiles among up to ${MAX_PROFILES_PER_REQUEST} ids (e.g. a conversation's participants), in order`,
  })
  async practitionersByIds(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent[]> {
    const records = await this.practitioners.findMany(directoryViewer(viewer), ids, loaders);
    return records.map((record) => toPractitionerParent(record.profile));
  }

  @Query(() => [PractitionerModel], {
    description:
      'A country’s coordinators (COORDINATOR role with the country in their scope, vetted), by name; vetted members ' +
      'only. Each is a profile like any other: contacts as the viewer may see them',
  })
  async coordinators(
    @CurrentViewer() viewer: Viewer,
    @Args('country', { type: () => String, description: 'ISO 3166-1 alpha-2' }) country: string,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<PractitionerParent[]> {
    const ids = await this.membership.coordinatorsOf(viewer, country);
    const records = await this.practitioners.findMany(directoryViewer(viewer), ids, loaders);
    return records.map((record) => toPractitionerParent(record.profile));
  }

  @ResolveField(() => AgencyModel, { nullable: true })
  async agency(
    @Parent() parent: PractitionerParent,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<AgencyModel | null> {
    return parent.agencyId ? loaders.agencies.load(parent.agencyId) : null;
  }

  @ResolveField(() => [LanguageSkillModel])
  async languages(@Parent() parent: PractitionerParent, @Loaders() loaders: DirectoryLoaders) {
    return (await loaders.languages.load(parent.id)).map(({ languageCode, level }) => ({
      code: languageCode,
      level,
    }));
  }

  @ResolveField(() => [String])
  expertise(@Parent() parent: PractitionerParent, @Loaders() loaders: DirectoryLoaders): Promise<string[]> {
    return loaders.expertise.load(parent.id);
  }

  @ResolveField(() => [String])
  competences(@Parent() parent: PractitionerParent, @Loaders() loaders: DirectoryLoaders): Promise<string[]> {
    return loaders.competences.load(parent.id);
  }

  @ResolveField(() => [ContactChannelModel])
  async contacts(
    @Parent() parent: PractitionerParent,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<ContactChannelModel[]> {
    const contacts = await loaders.contacts.load(parent.id);
    return this.practitioners
      .visibleContacts(directoryViewer(viewer), parent.id, contacts)
      .map(({ kind, value, label, visibility }) => ({ kind, value, label, visibility }));
  }

  @ResolveField(() => String)
  localTime(@Parent() parent: PractitionerParent, @RequestTime() now: Date): string {
    const moment = localMoment(parent.timeZone, parent.observedAt ?? now);
    return `${moment.wallClock}${moment.offset}`;
  }

  @ResolveField(() => Boolean)
  availableNow(@Parent() parent: PractitionerParent, @RequestTime() now: Date): boolean {
    return isAvailable(parent, parent.observedAt ?? now);
  }

  @ResolveField(() => Boolean)
  stale(@Parent() parent: PractitionerParent): boolean {
    return isStale(parent.confirmedAt, new Date());
  }
}
