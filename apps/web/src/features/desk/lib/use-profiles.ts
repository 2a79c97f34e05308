import { useEffect, useMemo, useState } from 'react';
import { createRequest, useClient } from 'urql';
import { pipe, subscribe } from 'wonka';
import type { DeskProfileSummaryFragment } from '@web/lib/graphql/graphql';
import { DeskProfilesQuery } from '../api/desk';

export type ProfileSummary = DeskProfileSummaryFragment;

/** The API's limit of practitionersByIds: a longer list is asked for in batches of this many. */
export const PROFILE_BATCH = 50;

/** Where a member's profile stands: asked and not answered yet, answered (with or without one), or failed. */
export type ProfileState = 'loading' | 'loaded' | 'failed';

export interface Profiles {
  /** The member's profile; undefined while loading, when the request failed or when they have none. */
  get(memberId: string): ProfileSummary | undefined;
  /** Whether the answer about this member's profile has come: a missing profile is only "none" once loaded. */
  state(memberId: string): ProfileState;
}

interface Answers {
  /** Per member asked about and answered: their profile, or null for none. */
  profiles: ReadonlyMap<string, ProfileSummary | null>;
  failed: ReadonlySet<string>;
}

/** The ids in batches the API accepts, each id once. */
export function batchesOf(ids: readonly string[], size = PROFILE_BATCH): string[][] {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += size) {
    batches.push(unique.slice(start, start + size));
  }
  return batches;
}

/**
 * The practitioner profiles of the members on screen (a queue of up to 100, or one page of members), by member id,
 * asked for in batches of 50. Each batch stays subscribed to the cache, so a corrected profile shows at once. While a
 * new set loads, what is known of the last one stays.
 */
export function useProfiles(memberIds: readonly string[]): Profiles {
  const client = useClient();
  const key = memberIds.join(',');
  const [answers, setAnswers] = useState<Answers>({ profiles: new Map(), failed: new Set() });

  useEffect(() => {
    const subscriptions = batchesOf(key ? key.split(',') : []).map((ids) =>
      pipe(
        client.executeQuery(createRequest(DeskProfilesQuery, { ids })),
        subscribe((result) => {
          setAnswers((current) => {
            const profiles = new Map(current.profiles);
            const failed = new Set(current.failed);
            if (result.data) {
              const found = new Map(result.data.practitionersByIds.map((profile) => [profile.id, profile]));
              for (const id of ids) {
                profiles.set(id, found.get(id) ?? null);
                failed.delete(id);
              }
            } else if (result.error) {
              for (const id of ids) {
                if (!profiles.has(id)) {
                  failed.add(id);
                }
              }
            }
            return { profiles, failed };
          });
        }),
      ),
    );
    return () => {
      for (const subscription of subscriptions) {
        subscription.unsubscribe();
      }
    };
  }, [client, key]);

  return useMemo(
    () => ({
      get: (memberId) => answers.profiles.get(memberId) ?? undefined,
      state: (memberId) =>
        answers.profiles.has(memberId) ? 'loaded' : answers.failed.has(memberId) ? 'failed' : 'loading',
    }),
    [answers],
  );
}

/** What the desk calls a member: their profile's display name, else their e-mail address. */
export const nameOf = (
  member: { displayName?: string | null; email: string },
  profile?: ProfileSummary,
): string => member.displayName ?? profile?.displayName ?? member.email;
