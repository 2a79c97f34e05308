import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import type { Client } from 'urql';
import type { DeskMemberFragment, DeskProfileSummaryFragment } from '@web/lib/graphql/graphql';
import { renderAt } from '@web/test/fake-client';
import { DeskViewerContext, type DeskViewer } from '../lib/viewer';

/** Who is at the desk: a coordinator of Uzbekistan unless told otherwise. */
export const deskViewer = (overrides: Partial<DeskViewer> = {}): DeskViewer => ({
  id: 'viewer',
  role: 'COORDINATOR',
  status: 'VETTED',
  active: true,
  coordinatorCountries: ['UZ'],
  totpEnabled: true,
  ...overrides,
});

/** A member as the desk's fragment reads one: a vetted member of Uzbekistan unless told otherwise. */
export const deskMember = (id: string, overrides: Partial<DeskMemberFragment> = {}): DeskMemberFragment => ({
  id,
  displayName: `Member ${id}`,
  email: `${id}@agency.example.org`,
  role: 'MEMBER',
  status: 'VETTED',
  country: 'UZ',
  coordinatorCountries: [],
  vettedAt: '2025-06-01T09:00:00.000Z',
  vettedUntil: '2027-06-01T12:00:00.000Z',
  active: true,
  createdAt: '2025-05-20T09:00:00.000Z',
  ...overrides,
});

/** A practitioner profile as the desk's summary reads one. */
export const deskProfile = (
  id: string,
  overrides: Partial<DeskProfileSummaryFragment> = {},
): DeskProfileSummaryFragment => ({
  id,
  displayName: `Member ${id}`,
  nativeName: null,
  position: 'Senior prosecutor',
  country: 'UZ',
  agency: {
    name: 'General Prosecutor’s Office',
    type: 'PROSECUTION',
    city: 'Tashkent',
  },
  languages: [{ code: 'ru', level: 'FLUENT' }],
  stale: false,
  confirmedAt: '2026-01-10T09:00:00.000Z',
  ...overrides,
});

/** Renders a desk screen as the desk layout would: under the viewer's context, in a memory router at `path`. */
export function renderDesk(
  client: Client,
  path: string,
  screen: ReactElement,
  viewer: DeskViewer = deskViewer(),
  routePath = path.split('?')[0],
) {
  const routes: RouteObject[] = [
    { path: routePath, element: <DeskViewerContext value={viewer}>{screen}</DeskViewerContext> },
  ];
  return renderAt(client, path, routes);
}
