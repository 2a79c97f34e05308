/**
 * The English strings of the form parts the application and the edit-my-profile forms share (the `practitionerForm.*`
 * keys: components/practitioner-fields.tsx, components/language-rows.tsx): loaded with those screens (./register.ts).
 */
export const practitionerFormEn = {
  fields: {
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
    agencyName: { label: 'Agency', hint: 'The full official name, e.g. Prosecutor General’s Office.' },
    agencyType: { label: 'Type of agency', choose: 'Choose a type' },
    agencyCity: { label: 'City' },
    position: { label: 'Position', hint: 'E.g. Senior prosecutor, international cooperation department.' },
    timeZone: {
      label: 'Time zone',
      hint: 'Colleagues see your local time before they contact you.',
      preset: 'Colleagues see your local time before they contact you. Preset to your device’s time zone.',
    },
  },
  languages: {
    legend: 'Languages',
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
  expertise: {
    legend: 'Expertise',
    hint: 'What you work on. Choose all that apply.',
    chosen_one: '{{count}} area chosen',
    chosen_other: '{{count}} areas chosen',
  },
  competences: {
    legend: 'Legal competences',
    hint: 'What you may request, grant or execute across borders. Choose all that apply.',
    chosen_one: '{{count}} competence chosen',
    chosen_other: '{{count}} competences chosen',
  },
  errors: {
    agencyType: 'Choose the type of your agency.',
    duplicateLanguage: 'You have already chosen this language.',
    eachLanguageOnce: 'Choose each language only once.',
  },
};
