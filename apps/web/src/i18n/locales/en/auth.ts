/** Signing in and out, applying, resetting an account. */
export const auth = {
  signIn: {
    title: 'Sign in',
    intro: 'For vetted members of the network and their coordinators.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    totp: 'Code from your authenticator app',
    totpHint: 'The app shows a new code every 30 seconds.',
    recoveryCode: 'Recovery code',
    recoveryHint: 'One of the codes you saved when you set up two-factor authentication. Each works once.',
    useRecovery: 'Use a recovery code instead',
    useTotp: 'Use the authenticator app instead',
    changeAccount: 'Sign in with another e-mail or password',
    secondFactorNeeded:
      'Two-factor authentication is on for this account. Enter the 6‑digit code from your authenticator app.',
    secondFactorRecovery:
      'Two-factor authentication is on for this account. Enter one of your recovery codes.',
    invalid: 'The e-mail or the password is wrong.',
    invalidCode: 'This code is wrong or has already been used. Try the current one.',
    cannotSignIn: 'This account cannot sign in. Contact a coordinator of your country.',
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    apply: 'Not a member yet? Apply to join',
    reset: 'Forgot your password or lost your phone? Use a reset code from your coordinator',
  },
  signOut: {
    title: 'Sign out',
    intro: 'You can sign out of this browser only, or of every browser and device where you are signed in.',
    thisBrowser: 'Sign out of this browser',
    everywhere: 'Sign out everywhere',
    keysLegend: 'The chat keys of this browser',
    keep: 'Keep them',
    keepHint: 'After you sign in again, the chat opens here with its messages as before.',
    wipe: 'Wipe them',
    wipeHint:
      'For a computer others use: this browser stops being one of your devices and its keys are deleted. Partners are told its keys changed. Messages sent to it can no longer be read here.',
    wipeFailed:
      'The device could not be revoked on the server, so nothing was wiped and you are still signed in. Check the connection and try again.',
    signedOut: 'You are signed out.',
  },
  apply: { link: 'Apply to join' },
  reset: { link: 'Use a reset code' },
};
