/** The member's own account: sessions and two-factor authentication. */
export const account = {
  staffNudge: {
    title: 'Turn on two-factor authentication',
    body: 'Coordinators and administrators must use two-factor authentication before they can act on members.',
    action: 'Set it up now',
  },
};
