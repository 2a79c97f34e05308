import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { SignInPage } from '@web/features/auth/components/sign-in-page';
import { SignOutPage } from '@web/features/auth/components/sign-out-page';
import type { Locale } from '@web/i18n';
import { RedirectIfSignedIn, RequireSession } from './guards';
import { Layout } from './layout';
import { NotFoundPage, RouteError } from './route-error';

/**
 * A screen whose code arrives when it is first rendered. React.lazy, not the router's `lazy`: the router fetches a
 * matched route's code before any guard above it renders, so a signed-out visit to `/` would download the home screen
 * and urql only to be sent to sign-in. The header stays on screen meanwhile (no fallback).
 */
function onDemand(Screen: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={null}>
      <Screen />
    </Suspense>
  );
}

const GraphqlOutlet = lazy(() => import('./graphql-outlet'));
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  onDemand(lazy(async () => ({ default: (await load())[name] })));

const HomePage = screen(() => import('@web/features/home/components/home-page'), 'HomePage');
const ApplyPage = screen(() => import('@web/features/apply/components/apply-page'), 'ApplyPage');
const ResetPage = screen(() => import('@web/features/apply/components/reset-page'), 'ResetPage');
const SessionsPage = screen(() => import('@web/features/account/components/sessions-page'), 'SessionsPage');
const DevicesPage = screen(() => import('@web/features/account/components/devices-page'), 'DevicesPage');
const SecurityPage = screen(() => import('@web/features/account/components/security-page'), 'SecurityPage');
const SearchPage = screen(() => import('@web/features/directory/components/search-page'), 'SearchPage');
const ProfilePage = screen(() => import('@web/features/directory/components/profile-page'), 'ProfilePage');
const ChatLayout = screen(() => import('@web/features/chat/components/chat-layout'), 'ChatLayout');
const ConversationsPage = screen(
  () => import('@web/features/chat/components/conversations-page'),
  'ConversationsPage',
);
const ConversationPage = screen(
  () => import('@web/features/chat/components/conversation-page'),
  'ConversationPage',
);
const SafetyNumberPage = screen(
  () => import('@web/features/chat/components/safety-number-page'),
  'SafetyNumberPage',
);
const ExportPage = screen(() => import('@web/features/chat/components/export-page'), 'ExportPage');
const NewGroupPage = screen(() => import('@web/features/chat/components/new-group-page'), 'NewGroupPage');
const MessageSearchPage = screen(
  () => import('@web/features/chat/components/message-search-page'),
  'MessageSearchPage',
);
const ConversationDetailsPage = screen(
  () => import('@web/features/chat/components/conversation-details-page'),
  'ConversationDetailsPage',
);
const EditProfilePage = screen(
  () => import('@web/features/profile/components/edit-profile-page'),
  'EditProfilePage',
);
const DeskLayout = screen(() => import('@web/features/desk/components/desk-layout'), 'DeskLayout');
const DeskQueuePage = screen(() => import('@web/features/desk/components/queue-page'), 'QueuePage');
const DeskMembersPage = screen(() => import('@web/features/desk/components/members-page'), 'MembersPage');
const DeskMemberPage = screen(() => import('@web/features/desk/components/member-page'), 'MemberPage');
const DeskInvitationsPage = screen(
  () => import('@web/features/desk/components/invitations-page'),
  'InvitationsPage',
);
const DeskDashboardPage = screen(
  () => import('@web/features/desk/components/dashboard-page'),
  'DashboardPage',
);
const DeskAuditPage = screen(() => import('@web/features/desk/components/audit-page'), 'AuditPage');

/** Screens that talk GraphQL sit under the (lazily loaded) client's Provider. */
const withGraphql = (children: RouteObject[]): RouteObject => ({
  element: onDemand(GraphqlOutlet),
  children,
});

/**
 * Every screen, each with its error boundary. Sign-in and sign-out need no GraphQL and come with the first load;
 * every other screen, and urql, load when first shown, keeping sign-in small (npm run bench:web).
 */
export function createRouter(onLocaleChange: (locale: Locale) => void) {
  return createBrowserRouter([
    {
      element: <Layout onLocaleChange={onLocaleChange} />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { element: <RedirectIfSignedIn />, children: [{ path: '/sign-in', element: <SignInPage /> }] },
            withGraphql([
              { path: '/apply', element: ApplyPage },
              { path: '/reset', element: ResetPage },
            ]),
            {
              element: <RequireSession />,
              children: [
                { path: '/sign-out', element: <SignOutPage /> },
                withGraphql([
                  { path: '/', element: HomePage },
                  { path: '/sessions', element: SessionsPage },
                  { path: '/devices', element: DevicesPage },
                  { path: '/security', element: SecurityPage },
                  { path: '/directory', element: SearchPage },
                  { path: '/directory/:id', element: ProfilePage },
                  { path: '/profile', element: EditProfilePage },
                  {
                    path: '/desk',
                    element: DeskLayout,
                    children: [
                      { index: true, element: <Navigate to="queue" replace /> },
                      { path: 'queue', element: DeskQueuePage },
                      { path: 'members', element: DeskMembersPage },
                      { path: 'members/:memberId', element: DeskMemberPage },
                      { path: 'invitations', element: DeskInvitationsPage },
                      { path: 'dashboard', element: DeskDashboardPage },
                      { path: 'audit', element: DeskAuditPage },
                    ],
                  },
                  {
                    path: '/chat',
                    element: ChatLayout,
                    children: [
                      { index: true, element: ConversationsPage },
                      { path: 'search', element: MessageSearchPage },
                      { path: ':conversationId', element: ConversationPage },
                      { path: ':conversationId/safety/:memberId', element: SafetyNumberPage },
                      { path: 'new-group', element: NewGroupPage },
                      { path: ':conversationId/details', element: ConversationDetailsPage },
                      { path: ':conversationId/export', element: ExportPage },
                    ],
                  },
                ]),
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
