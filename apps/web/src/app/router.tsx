import { createBrowserRouter } from 'react-router';
import { SignInPage } from '@web/features/auth/components/sign-in-page';
import { SignOutPage } from '@web/features/auth/components/sign-out-page';
import { HomePage } from '@web/features/home/components/home-page';
import type { Locale } from '@web/i18n';
import { RedirectIfSignedIn, RequireSession } from './guards';
import { Layout } from './layout';
import { NotFoundPage, RouteError } from './route-error';

/** Every screen, each with its error boundary. Screens past sign-in load on demand, keeping sign-in small. */
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
            {
              path: '/apply',
              lazy: async () => ({
                Component: (await import('@web/features/apply/components/apply-page')).ApplyPage,
              }),
              // The header stays on screen while the screen's code arrives on a first visit.
              HydrateFallback: () => null,
            },
            {
              path: '/reset',
              lazy: async () => ({
                Component: (await import('@web/features/apply/components/reset-page')).ResetPage,
              }),
              // The header stays on screen while the screen's code arrives on a first visit.
              HydrateFallback: () => null,
            },
            {
              element: <RequireSession />,
              children: [
                { path: '/', element: <HomePage /> },
                { path: '/sign-out', element: <SignOutPage /> },
                {
                  path: '/sessions',
                  lazy: async () => ({
                    Component: (await import('@web/features/account/components/sessions-page')).SessionsPage,
                  }),
                  // The header stays on screen while the screen's code arrives on a first visit.
                  HydrateFallback: () => null,
                },
                {
                  path: '/security',
                  lazy: async () => ({
                    Component: (await import('@web/features/account/components/security-page')).SecurityPage,
                  }),
                  // The header stays on screen while the screen's code arrives on a first visit.
                  HydrateFallback: () => null,
                },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
