import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  LANGUAGE_LEVEL_RANK,
  LanguageLevel,
  PractitionerSearchService,
  SHARED_LEVEL_MIN,
  type DirectoryLoaders,
} from '@app/directory';
import type { Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { decodeTimedCursor, encodeTimedCursor, pageSize } from '../common/pagination';
import { directoryViewer, Loaders, RequestTime } from './directory-context';
import { LanguageSkillModel, PractitionerModel, type PractitionerParent } from './practitioner.models';
import { toPractitionerParent } from './practitioner.resolver';
import { PractitionerConnectionModel, PractitionerFilterInput } from './search.models';

const RANKED_LEVELS = Object.values(LanguageLevel).sort(
  (a, b) => LANGUAGE_LEVEL_RANK[b] - LANGUAGE_LEVEL_RANK[a],
);

/** Directory search, and the language pairing every result carries relative to the caller. */
@Resolver(() => PractitionerModel)
export class SearchResolver {
  constructor(private readonly search: PractitionerSearchService) {}

  @Query(() => PractitionerConnectionModel, { description: 'Vetted members only; first ≤ 50' })
  async practitioners(
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: DirectoryLoaders,
    @Args('filter', { type: () => PractitionerFilterInput, nullable: true })
    filter: PractitionerFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @RequestTime() now: Date,
  ): Promise<
    Omit<PractitionerConnectionModel, 'edges'> & { edges: { cursor: string; node: PractitionerParent }[] }
  > {
    const limit = pageSize(first ?? 20, 50);
    // A later page is cut at the first page's instant: someone whose working hours end in between neither drops out
    // (shifting the offsets: a result skipped) nor shows "outside working hours" under "can answer now".
    const { offset, at } = after ? decodeTimedCursor(after, now) : { offset: 0, at: now };
    const result = await this.search.search(
      directoryViewer(viewer),
      filter ?? {},
      { first: limit, offset },
      at,
    );
    const records = await loaders.profiles.loadMany(result.ids);
    const edges = records.flatMap((record, index) =>
      record && !(record instanceof Error)
        ? [
            {
              cursor: encodeTimedCursor(offset + index + 1, at),
              node: { ...toPractitionerParent(record.profile), observedAt: at },
            },
          ]
        : [],
    );
    return {
      edges,
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: result.totalCount,
      facets: result.facets,
    };
  }

  @ResolveField(() => [LanguageSkillModel])
  async sharedLanguages(
    @Parent() parent: PractitionerParent,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<LanguageSkillModel[]> {
    if (!viewer) {
      return [];
    }
    const [mine, theirs] = await Promise.all([
      loaders.languages.load(viewer.memberId),
      loaders.languages.load(parent.id),
    ]);
    const myRank = new Map(
      mine.map((language) => [language.languageCode, LANGUAGE_LEVEL_RANK[language.level]]),
    );
    return theirs
      .map((language) => ({
        code: language.languageCode,
        rank: Math.min(LANGUAGE_LEVEL_RANK[language.level], myRank.get(language.languageCode) ?? 0),
      }))
      .filter(({ rank }) => rank >= LANGUAGE_LEVEL_RANK[SHARED_LEVEL_MIN])
      .sort((a, b) => b.rank - a.rank || a.code.localeCompare(b.code))
      .map(({ code, rank }) => ({ code, level: RANKED_LEVELS[4 - rank] }));
  }

  @ResolveField(() => Boolean)
  async needsInterpreter(
    @Parent() parent: PractitionerParent,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: DirectoryLoaders,
  ): Promise<boolean> {
    return (await this.sharedLanguages(parent, viewer, loaders)).length === 0;
  }
}
