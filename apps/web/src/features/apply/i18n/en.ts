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
    languages: 'Languages',
    expertise: 'Expertise',
    competences: 'Legal competences',
    invitation: 'Invitation',
  },
  fields: {
    email: { label: 'Work e-mail', hint: 'You will sign in with this address.' },
    password: {
      label: 'Password',
      hint: 'At least 12 characters. A phrase of several words is easier to remember and hard to guess.',
    },
    displayName: {
      label: 'Name in Latin letters',
      hint: 'The spelling colleagues abroad will search for, e.g. as in your passport: Alisher Navoiy.',
    },
    nativeName: {
      label: 'Name in your own script',
      // The Persian example is isolated (U+2068…U+2069) so the full stop stays after it.
      hint: 'As it is written in your language, e.g. Алишер Навоий or \u2068علی رضایی\u2069.',
    },
    nameVariants: {
      label: 'Other spellings of your name',
      hint: 'Spellings colleagues may search for, one per line or separated by commas (up to 10), e.g. Alisher Navoi.',
    },
    country: {
      label: 'Country',
      hint: 'The country whose authority you work for. A coordinator of this country checks your application.',
      choose: 'Choose a country',
    },
    agencyName: { label: 'Agency', hint: 'The full official name, e.g. Prosecutor General’s Office.' },
    agencyType: { label: 'Type of agency', choose: 'Choose a type' },
    agencyCity: { label: 'City' },
    position: { label: 'Position', hint: 'E.g. Senior prosecutor, international cooperation department.' },
    timeZone: {
      label: 'Time zone',
      hint: 'Colleagues see your local time before they contact you. Preset to your device’s time zone.',
    },
    invitationCode: {
      label: 'Invitation code',
      hint: 'If a coordinator gave you an invitation code, enter it here. It must be for the country and e-mail address you entered.',
    },
  },
  agencyType: {
    PROSECUTION: 'Prosecution service',
    POLICE: 'Police',
    BORDER: 'Border service',
    JUDICIARY: 'Judiciary',
    MINISTRY: 'Ministry',
    FIU: 'Financial intelligence unit',
    LABOUR_INSPECTION: 'Labour inspection',
    OTHER: 'Other',
  },
  languages: {
    hint: 'The languages you can work in, and how well.',
    row: 'Language {{number}}',
    language: 'Language',
    chooseLanguage: 'Choose a language',
    level: 'Level',
    chooseLevel: 'Choose a level',
    add: 'Add a language',
    remove: 'Remove',
    removeRow: 'Remove language {{number}}',
    none: 'No languages added.',
  },
  levels: {
    NATIVE: 'Native',
    FLUENT: 'Fluent',
    WORKING: 'Working knowledge',
    BASIC: 'Basic',
  },
  expertise: {
    hint: 'What you work on. Choose all that apply.',
    chosen_one: '{{count}} area chosen',
    chosen_other: '{{count}} areas chosen',
    groups: {
      TRAFFICKING: 'Trafficking in persons',
      SMUGGLING: 'Smuggling of migrants',
      FINANCIAL: 'Financial investigation',
      EVIDENCE: 'Evidence and related crime',
      VICTIMS: 'Victims and witnesses',
      other: 'Other areas',
    },
  },
  competences: {
    hint: 'What you may request, grant or execute across borders. Choose all that apply.',
    chosen_one: '{{count}} competence chosen',
    chosen_other: '{{count}} competences chosen',
    groups: {
      UNTOC: 'UN Convention against Transnational Organized Crime',
      PROTOCOLS: 'Protocols to the Convention',
      OTHER_INSTRUMENTS: 'Other instruments',
      CHANNELS: 'Channels of cooperation',
      other: 'Other competences',
    },
  },
  summary: {
    title_one: 'Fix {{count}} problem before sending',
    title_other: 'Fix {{count}} problems before sending',
    item: '{{field}}: {{message}}',
  },
  errors: {
    agencyType: 'Choose the type of your agency.',
    duplicateLanguage: 'You have already chosen this language.',
    eachLanguageOnce: 'Choose each language only once.',
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
