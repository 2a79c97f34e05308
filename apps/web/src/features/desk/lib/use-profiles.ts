import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { DeskProfileSummaryFragment } from '@web/lib/graphql/graphql';
import { DeskProfilesQuery } from '../api/desk';

export type ProfileSummary = DeskProfileSummaryFragment;

/** The API's limit of practitionersByIds. */
const MAX_IDS = 50;

/**
 * The practitioner profiles of the members on screen (at most 50 at once: a queue or one page of members), by member
 * id; members without a profile have no entry. While a new set loads, the last one stays (urql keeps stale data).
 */
export function useProfiles(memberIds: readonly string[]): Map<string, ProfileSummary> {
  const ids = useMemo(() => memberIds.slice(0, MAX_IDS), [memberIds]);
  const [{ data }] = useQuery({ query: DeskProfilesQuery, variables: { ids }, pause: ids.length === 0 });
  return useMemo(
    () => new Map((data?.practitionersByIds ?? []).map((profile) => [profile.id, profile])),
    [data],
  );
}

/** What the desk calls a member: their profile's display name, else their e-mail address. */
export const nameOf = (
  member: { displayName?: string | null; email: string },
  profile?: ProfileSummary,
): string => member.displayName ?? profile?.displayName ?? member.email;
