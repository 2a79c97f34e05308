/**
 * The English strings of the member's own account screens, sessions and two-factor authentication (the `account.*`
 * keys): loaded with those screens (./register.ts), not with sign-in.
 */
export const accountEn = {
  device: {
    browserOnSystem: '{{browser}} on {{os}}',
    browserOnly: '{{browser}}',
    systemOnly: 'A browser on {{os}}',
    unknown: 'Unknown device',
    fullLabel: 'Full device description',
  },
  sessions: {
    title: 'Sessions',
    intro:
      "All browsers and devices where you are signed in. If you don't recognise one, or no longer use that device, sign it out.",
    thisBrowser: 'This browser',
    signOutHere: 'Sign out of this browser',
    others_one: '{{count}} other session',
    others_other: '{{count}} other sessions',
    noOthers: 'You are not signed in anywhere else.',
    listLabel: 'Other sessions',
    ip: 'IP address',
    ipUnknown: 'Not recorded',
    createdAt: 'Signed in',
    lastUsedAt: 'Last active',
    expiresAt: 'Valid until',
    revoke: 'Sign out',
    revokeNamed: 'Sign out: {{device}}, signed in {{date}}',
    revokeDialog: {
      title: 'Sign out of this session?',
      body: '{{device}}, signed in {{date}}, will be signed out immediately. To use Counterpart there again, you will have to sign in.',
      confirm: 'Sign out of the session',
    },
    revokeOthers: 'Sign out everywhere else',
    revokeOthersDialog: {
      title: 'Sign out everywhere else?',
      body_one: '{{count}} other session will be signed out immediately. This browser stays signed in.',
      body_other: '{{count}} other sessions will be signed out immediately. This browser stays signed in.',
      confirm: 'Sign out everywhere else',
    },
    revoked: 'Signed out of {{device}}.',
    revokedOthers_one: 'Signed out of {{count}} other session.',
    revokedOthers_other: 'Signed out of {{count}} other sessions.',
  },
  devices: {
    title: 'Devices',
    intro:
      'The browsers and programs that hold your chat keys. Messages are encrypted for each of them. Revoke a device you lost or no longer use: nobody can read new messages on it, and your partners are told its keys changed.',
    thisBrowser: 'This browser',
    others: 'Your other devices',
    active: 'Your devices',
    noOthers: 'You have no other device.',
    none: 'No device holds chat keys for you yet. A browser becomes one the first time you open the chat in it.',
    listLabel: 'Devices',
    createdAt: 'Keys registered',
    revokedAt: 'Revoked',
    revokedTitle_one: '{{count}} revoked device',
    revokedTitle_other: '{{count}} revoked devices',
    revoke: 'Revoke',
    revokeNamed: 'Revoke: {{device}}, keys registered {{date}}',
    revokeDialog: {
      title: 'Revoke this device?',
      body: '{{device}} (keys registered {{date}}) will not be able to read new messages, and your partners will be told its keys changed. This cannot be undone.',
      bodyHere:
        'This browser (keys registered {{date}}) will not be able to read new messages, and its keys will be wiped from it. Your partners will be told its keys changed. This cannot be undone.',
      confirm: 'Revoke the device',
    },
    revoked: '{{device}} is revoked.',
  },
  security: {
    title: 'Two-factor authentication',
    intro:
      'With two-factor authentication, signing in takes your password and a code from an app on your phone, so a stolen password alone is not enough.',
    on: 'Two-factor authentication is on.',
    off: 'Two-factor authentication is off.',
    staff: {
      title: 'Required for coordinators and administrators',
      body: 'You vet and suspend members, issue reset codes and see their contact details. Anyone who gets hold of your password could do the same in your name. Until two-factor authentication is on, Counterpart blocks these actions.',
    },
    recovery: {
      title: 'If you lose your phone',
      body: 'Sign in with one of the recovery codes you saved when you set up two-factor authentication. Each code works once.',
      reset:
        "No codes left? Ask your country's coordinator or an administrator for a reset code. They will confirm who you are first. With it you set a new password; two-factor authentication is then off and you set it up again here.",
    },
    setUp: 'Set up two-factor authentication',
    enroll: {
      step: 'Step {{step}} of {{total}}',
      scanTitle: 'Add Counterpart to your authenticator app',
      scanIntro:
        'Use any authenticator app that supports time-based codes (TOTP), for example Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator. In the app, add an account and scan this QR code.',
      qrAlt: 'QR code that adds Counterpart to an authenticator app',
      qrLoading: 'Preparing the QR code…',
      openInApp: 'On this phone? Open the key in your authenticator app',
      manualTitle: 'Cannot scan? Type this key into the app',
      secretLabel: 'Setup key',
      copySecret: 'Copy the key',
      secretCopied: 'The key is copied.',
      codeTitle: 'Enter the code the app shows',
      codeLabel: 'Six-digit code',
      codeHint: 'The app shows a new code every 30 seconds.',
      confirm: 'Turn on two-factor authentication',
      cancel: 'Cancel set-up',
      codeFormat: 'Enter the six digits the app shows.',
      wrongCode:
        'This code does not match. Check that the time on your phone is set automatically, then enter the code the app shows now.',
      restarted:
        'This set-up is no longer valid: it was finished or started again in another tab. Reload the page.',
    },
    codes: {
      title: 'Save your recovery codes',
      intro_one:
        'Two-factor authentication is on. If you lose your phone, this {{count}} recovery code lets you sign in. It works once.',
      intro_other:
        'Two-factor authentication is on. If you lose your phone, these {{count}} recovery codes let you sign in. Each works once.',
      once: 'This is the only time they are shown. Copy or download them now and keep them somewhere safe, away from your phone.',
      listLabel: 'Recovery codes',
      copyAll: 'Copy all codes',
      copied: 'The recovery codes are copied.',
      download: 'Download as a text file',
      downloaded: 'The file {{file}} is downloaded.',
      fileName: 'counterpart-recovery-codes.txt',
      fileTitle: 'Counterpart recovery codes for {{email}}',
      fileCreated: 'Created {{date}}.',
      fileNote: 'Each code works once. Keep this file somewhere safe and away from your phone.',
      acknowledge: 'I have saved these recovery codes somewhere safe',
      acknowledgeRequired: 'Confirm that you have saved the codes first: they will not be shown again.',
      done: 'Done',
      finished: 'You will be asked for a code from your app the next time you sign in.',
      leaveDialog: {
        title: 'Leave without your recovery codes?',
        body: 'They will not be shown again. Two-factor authentication stays on, but if you lose your phone, you will need a coordinator to reset your account.',
        stay: 'Stay and save the codes',
        leave: 'Leave anyway',
      },
    },
    copyFailed: 'Copying did not work here. Select the text and copy it yourself.',
  },
};
