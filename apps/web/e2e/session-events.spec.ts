import { DEMO } from './support/api';
import { expect, test } from './support/fixtures';
import { en, expectSignInScreen, mainNavigation, signInWithForm, title } from './support/ui';

const SUSPEND = 'mutation Suspend($input: MemberReasonInput!) { suspendMember(input: $input) { id status } }';

test.describe('session notices', () => {
  test('suspending a member signs out their open browser within 1 s, on a screen that never opened the chat', async ({
    newPage,
    api,
  }) => {
    const member = await api.member('suspended-reader');
    const theirs = await newPage();
    const sockets: string[] = [];
    theirs.on('websocket', (socket) => sockets.push(socket.url()));
    // The browser holds the session-events stream once signed in (its answer's headers arrive; the body stays open).
    const streamOpen = theirs.waitForResponse(
      (response) => new URL(response.url()).pathname === '/auth/session-events' && response.status() === 200,
    );
    await signInWithForm(theirs, member);
    await mainNavigation(theirs).getByRole('link', { name: en.app.nav.directory, exact: true }).click();
    await expect(title(theirs, en.directory.search.title)).toBeVisible();
    await streamOpen;

    const coordinator = await api.tokenOf(DEMO.coordinator);
    const done = await api.graphql<{ suspendMember: { status: string } }>(coordinator, SUSPEND, {
      input: { memberId: member.id, reason: 'Left the prosecution service' },
    });
    const answeredAt = Date.now();
    expect(done.suspendMember.status).toBe('SUSPENDED');

    await expect(title(theirs, en.auth.signIn.title)).toBeVisible({ timeout: 1_000 });
    expect(Date.now() - answeredAt).toBeLessThan(1_000);
    await expectSignInScreen(theirs);
    await expect(theirs.getByRole('status').filter({ hasText: en.auth.signIn.sessionEnded })).toBeVisible();
    // No chat socket told it: the stream did.
    expect(sockets).toEqual([]);
  });
});
