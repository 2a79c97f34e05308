/** The home page: the member's own summary and application status. */
export const home = {
  staffNudge: {
    title: 'Turn on two-factor authentication',
    body: 'Coordinators and administrators must use two-factor authentication before they can act on members.',
    action: 'Set it up now',
  },
  title: 'Home',
  welcome: 'Welcome',
  signedInAs: 'Signed in as {{email}}',
  role: 'Role',
  status: 'Status',
  country: 'Country',
  vettedUntil: 'Vetted until',
  statusText: {
    PENDING:
      'Your application is waiting for a coordinator of your country. You will be able to use the directory and the chat once you are vetted.',
    VETTED: 'You are a vetted member of the network.',
    EXPIRED: 'Your vetting has expired. Ask a coordinator of your country to renew it.',
    REJECTED: 'Your application was not accepted.',
    SUSPENDED: 'Your membership is suspended.',
    REVOKED: 'Your membership has been revoked.',
  },
  twoFactor: { on: 'On', off: 'Off — set it up on the Two-factor page' },
};
