import { changeLocale, chosenLocale, i18next, isLocale, showLocale, type Locale } from '@web/i18n';
import type { SessionStore } from './session';

/**
 * The member's UI language lives on the server too (`Member.locale`, for later e-mails and other browsers). On
 * sign-in: a language chosen on this browser is saved to the server; otherwise the server's choice is adopted. A switch
 * while signed in is saved at once.
 */
export function syncLocale(session: SessionStore): { change(locale: Locale): Promise<void> } {
  let lastMemberId: string | undefined;
  session.subscribe(() => {
    const state = session.getSnapshot();
    if (state.status !== 'signed-in' || state.member.id === lastMemberId) {
      lastMemberId = state.status === 'signed-in' ? state.member.id : undefined;
      return;
    }
    lastMemberId = state.member.id;
    const chosen = chosenLocale();
    if (chosen && chosen !== state.member.locale) {
      void save(chosen);
    } else if (!chosen && isLocale(state.member.locale) && state.member.locale !== i18next.language) {
      void showLocale(state.member.locale);
    }
  });

  async function save(locale: Locale): Promise<void> {
    // The GraphQL client and the typed documents load with the signed-in screens, not with sign-in
    // (./graphql-client.ts; a static import put every screen's documents into the sign-in bundle).
    try {
      const [{ graphqlClient }, { SetMyLocaleDocument }] = await Promise.all([
        import('./graphql-client'),
        import('./graphql/graphql'),
      ]);
      const result = await graphqlClient().mutation(SetMyLocaleDocument, { locale }).toPromise();
      if (!result.error) {
        session.updateMember({ locale });
      }
    } catch {
      // Offline before the code arrived: the language stays chosen on this browser and is saved at the next sign-in.
    }
  }

  return {
    async change(locale) {
      await changeLocale(locale);
      if (session.getSnapshot().status === 'signed-in') {
        await save(locale);
      }
    },
  };
}
