/** The app shell and words every screen uses. */
export const common = {
  app: {
    name: 'Counterpart',
    tagline: 'Who is my counterpart in that country, and can I reach them safely, now?',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    nav: {
      home: 'Home',
      directory: 'Directory',
      chat: 'Chat',
      desk: 'Desk',
      profile: 'My profile',
      account: 'Account',
      sessions: 'Sessions',
      devices: 'Devices',
      security: 'Security',
      signOut: 'Sign out',
    },
    offline: {
      title: 'You are offline.',
      body: 'What is on the screen stays, but signing in, searches and profiles need a connection: Counterpart keeps no profiles or contacts on this device. It tries again by itself when you are back online.',
    },
  },
  language: { label: 'Language', en: 'English', ru: 'Русский' },
  actions: {
    continue: 'Continue',
    cancel: 'Cancel',
    back: 'Back',
    save: 'Save',
    retry: 'Try again',
    copy: 'Copy',
    copied: 'Copied',
    download: 'Download',
    close: 'Close',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
  },
  status: { loading: 'Loading…', working: 'Working…', optional: 'optional' },
  session: {
    unreachable: {
      title: 'Counterpart cannot be reached',
      body: 'Your session is kept. Check your connection: this page tries again by itself when you are back online.',
    },
  },
  roles: { MEMBER: 'Member', COORDINATOR: 'Coordinator', ADMIN: 'Administrator' },
  memberStatus: {
    PENDING: 'Pending',
    VETTED: 'Vetted',
    REJECTED: 'Rejected',
    SUSPENDED: 'Suspended',
    REVOKED: 'Revoked',
  },
  notFound: {
    title: 'Page not found',
    body: 'Check the address, or go to the home page.',
    home: 'Go to the home page',
  },
};
