import { createContext, use } from 'react';
import type { DeskViewerQuery, MemberRole } from '@web/lib/graphql/graphql';

/** Who is at the desk, as the server knows them now (not the session's possibly older copy). */
export type DeskViewer = DeskViewerQuery['me'];

/** The member an action would be taken on: who they are, their country (their profile's) and their status. */
export interface DeskSubject {
  id: string;
  country: string | null;
  status: 'PENDING' | 'VETTED' | 'REJECTED' | 'SUSPENDED' | 'REVOKED';
  role?: MemberRole;
}

export const isStaff = (role: MemberRole | undefined): boolean => role === 'COORDINATOR' || role === 'ADMIN';

/** The desk layout provides the viewer to every desk screen (features/desk/components/desk-layout.tsx). */
export const DeskViewerContext = createContext<DeskViewer | null>(null);

export function useDeskViewer(): DeskViewer {
  const viewer = use(DeskViewerContext);
  if (!viewer) {
    throw new Error('useDeskViewer outside the desk layout');
  }
  return viewer;
}

/**
 * Whether the viewer oversees `country`: an administrator every country, a coordinator those of their scope; a member
 * without a profile has no country and only an administrator may act on them (the API's AccessPolicy.coordinatorFor).
 */
export function oversees(
  viewer: Pick<DeskViewer, 'role' | 'coordinatorCountries'>,
  country: string | null,
): boolean {
  if (viewer.role === 'ADMIN') {
    return true;
  }
  return viewer.role === 'COORDINATOR' && country !== null && viewer.coordinatorCountries.includes(country);
}

/** The countries the viewer may choose from (invitations, filters): their scope, or null for "every country". */
export const scopeOf = (viewer: Pick<DeskViewer, 'role' | 'coordinatorCountries'>): string[] | null =>
  viewer.role === 'ADMIN' ? null : viewer.coordinatorCountries;
