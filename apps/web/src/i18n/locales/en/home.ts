/** The home page: the member's own summary and application status. */
export const home = {
  staffNudge: {
    title: 'Turn on two-factor authentication',
    body: 'Until it is on, you cannot vet or suspend members or issue reset codes.',
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
      'A coordinator of your country is reviewing your application. The directory and the chat open once you are vetted.',
    VETTED: 'You are a vetted member of the network.',
    EXPIRED: 'Your vetting has expired. Ask a coordinator of your country to renew it.',
    REJECTED: 'Your application was not accepted.',
    SUSPENDED: 'Your membership is suspended.',
    REVOKED: 'Your membership has been revoked.',
  },
  expiredTitle: 'Vetting expired',
  twoFactor: { label: 'Two-factor authentication', on: 'On', off: 'Off', setUp: 'Set it up' },
};
