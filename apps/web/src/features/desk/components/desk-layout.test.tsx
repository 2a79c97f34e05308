import '../i18n/register';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@web/lib/session';
import { fakeClient, graphqlError, renderAt, type Answer } from '@web/test/fake-client';
import { deskViewer } from '../testing/factories';
import { useDeskViewer } from '../lib/viewer';
import { DeskLayout } from './desk-layout';

let state: SessionState = { status: 'signed-out' };
vi.mock('@web/lib/use-session', () => ({ useSession: () => state }));

const signedIn = (role: 'MEMBER' | 'COORDINATOR' | 'ADMIN'): SessionState => ({
  status: 'signed-in',
  accessToken: 'token',
  expiresAt: Date.now() + 60_000,
  member: { id: 'viewer', role, status: 'VETTED' },
});

function Probe() {
  const viewer = useDeskViewer();
  return <p>{`at the desk as ${viewer.role}`}</p>;
}

function open(answers: Record<string, Answer>) {
  const fake = fakeClient((operation) => {
    const answer = answers[operation];
    if (!answer) {
      throw new Error(`unexpected ${operation}`);
    }
    return answer;
  });
  renderAt(fake.client, '/desk/queue', [
    { path: '/desk', element: <DeskLayout />, children: [{ path: 'queue', element: <Probe /> }] },
  ]);
  return fake;
}

describe(DeskLayout.name, () => {
  afterEach(() => {
    state = { status: 'signed-out' };
  });

  it('should tell a member that the desk is for coordinators, without asking the server', () => {
    state = signedIn('MEMBER');
    const { sent } = open({});
    expect(
      screen.getByRole('heading', { level: 1, name: 'This desk is for coordinators' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    expect(sent()).toEqual([]);
  });

  it('should give a coordinator the desk’s sections and the screen, with who they are', () => {
    state = signedIn('COORDINATOR');
    open({ DeskViewer: { data: { me: deskViewer() } } });
    const nav = screen.getByRole('navigation', { name: 'Desk' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Vetting queue', 'Members', 'Invitations', 'Dashboard', 'Audit log']);
    expect(within(nav).getByRole('link', { name: 'Vetting queue' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('at the desk as COORDINATOR')).toBeInTheDocument();
  });

  it('should believe the server over an older session: demoted, the member gets the explanation', () => {
    state = signedIn('COORDINATOR');
    open({ DeskViewer: { data: { me: deskViewer({ role: 'MEMBER', coordinatorCountries: [] }) } } });
    expect(
      screen.getByRole('heading', { level: 1, name: 'This desk is for coordinators' }),
    ).toBeInTheDocument();
  });

  it('should send staff without two-factor authentication to set it up when the server requires it', () => {
    state = signedIn('ADMIN');
    open({
      DeskViewer: { data: { me: deskViewer({ role: 'ADMIN', totpEnabled: false }) } },
      DeskAccess: graphqlError('FORBIDDEN'),
    });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Turn on two-factor authentication first' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set it up now' })).toHaveAttribute('href', '/security');
    expect(screen.queryByText(/at the desk/)).not.toBeInTheDocument();
  });
});
