import { practitionerFormEn } from '@web/i18n/practitioner-form/en';

/**
 * The English strings of applying for membership and resetting an account with a one-time code (the `apply.*` keys):
 * loaded with those screens (./register.ts), not with sign-in.
 */
export const applyEn = {
  title: 'Apply for membership',
  intro:
    'Counterpart is a directory and secure chat for prosecutors, police and other practitioners who work on trafficking in persons and smuggling of migrants across borders. A coordinator of your country checks every application; you get access once it is approved.',
  haveAccount: 'Already a member? Sign in',
  submit: 'Send application',
  loadingLists: 'Loading the lists of countries, languages and areas…',
  listsFailed: 'The lists of countries and languages could not be loaded.',
  sections: {
    account: 'Your account',
    name: 'Your name',
    work: 'Your work',
    invitation: 'Invitation',
  },
  fields: {
    email: { label: 'Work e-mail', hint: 'You will sign in with this address.' },
    password: {
      label: 'Password',
      hint: 'At least 12 characters. A phrase of several words is easier to remember and hard to guess.',
    },
    // The shared fields' strings, under these keys too: the browser tests find the form by them (e2e/support/forms.ts).
    ...practitionerFormEn.fields,
    country: {
      label: 'Country',
      hint: 'The country whose authority you work for. A coordinator of this country checks your application.',
      choose: 'Choose a country',
    },
    invitationCode: {
      label: 'Invitation code',
      hint: 'If a coordinator gave you an invitation code, enter it here. It must be for the country and e-mail address you entered.',
    },
  },
  // Likewise the language rows' strings.
  languages: practitionerFormEn.languages,
  summary: {
    title_one: 'Fix {{count}} problem before sending',
    title_other: 'Fix {{count}} problems before sending',
    item: '{{field}}: {{message}}',
  },
  errors: {
    invitationCode:
      'This invitation code is not valid: it may have been used or have expired, or it is for another country or e-mail address.',
  },
  done: {
    title: 'Application received',
    status: 'Status',
    nextTitle: 'What happens next',
    next: {
      check: 'A coordinator of your country checks your application, usually by contacting your agency.',
      vetted:
        'Once you are vetted, you can search the directory and chat with colleagues in other countries.',
      signIn: 'Until then you can sign in to see the status of your application.',
    },
    signIn: 'Sign in',
  },
  reset: {
    title: 'Set a new password with a reset code',
    intro:
      'Use the one-time code a coordinator of your country gave you to set a new password. This also turns off two-factor authentication and signs you out everywhere.',
    code: 'Reset code',
    codeHint:
      'Four groups of four letters and digits, e.g. K7QX\u20112M9D\u2011WR4T\u20118HJN. Upper or lower case and dashes do not matter.',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters.',
    repeatPassword: 'Repeat the new password',
    submit: 'Set the new password',
    mismatch: 'The two passwords are not the same.',
    invalidCode:
      'This code is not valid: it may have been used or have expired. Ask a coordinator of your country for a new one.',
    doneTitle: 'Your new password is set',
    done: 'Two-factor authentication is off and all your sessions have ended.',
    doneNext: 'Sign in with the new password. If you used two-factor authentication, set it up again.',
    signIn: 'Sign in',
    noCode: 'No code? Only a coordinator of your country can issue one, after checking who you are.',
  },
};
