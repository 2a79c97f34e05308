/**
 * The English strings of editing and confirming one's own profile (the `profile.*` keys): loaded with that screen
 * (./register.ts), not with sign-in.
 */
export const profileEn = {
  title: 'My profile',
  intro: 'What vetted members see about you in the directory.',
  loading: 'Loading your profile…',
  failed: 'Your profile could not be loaded',
  none: 'You have no practitioner profile to edit.',
  country: 'Country: {{country}}. Only a coordinator can change it.',
  confirm: {
    title: 'Is your profile current?',
    lastConfirmed: 'You last confirmed it on {{date}}.',
    never: 'You have not confirmed it yet.',
    stale: 'That was more than a year ago: colleagues see your profile marked as possibly out of date.',
    action: 'Confirm my profile is current',
    done: 'Confirmed: your profile is marked as current.',
  },
  sections: {
    names: 'Name',
    work: 'Work',
    availability: 'Availability',
    contacts: 'Contacts',
    about: 'About you',
  },
  fields: {
    bio: { label: 'About you', hint: 'What you work on and how colleagues abroad can best work with you.' },
    workingDays: { legend: 'Working days' },
    workingHoursStart: { label: 'Working hours start' },
    workingHoursEnd: {
      label: 'Working hours end',
      hint: 'In your own time zone. An end before the start is a shift over midnight.',
    },
    available24x7: { label: 'I can be reached 24/7' },
  },
  contacts: {
    hint: 'Who may see each channel: every vetted member, or only coordinators and administrators.',
    none: 'No contact channels yet.',
    row: 'Contact {{number}}',
    kind: 'Channel',
    value: 'Number or address',
    valueHint: 'Phone numbers in international format, e.g. +998 71 123 45 67.',
    label: 'Label',
    visibility: 'Who may see it',
    add: 'Add a contact',
    remove: 'Remove',
    removeRow: 'Remove contact {{number}}',
    visibilities: { MEMBERS: 'All vetted members', COORDINATORS: 'Coordinators only' },
  },
  errors: {
    hoursDiffer: 'The end must differ from the start.',
    eachDayOnce: 'Choose each day only once.',
  },
  summary: {
    title_one: 'Fix {{count}} problem before saving',
    title_other: 'Fix {{count}} problems before saving',
    item: '{{field}}: {{message}}',
  },
  save: 'Save changes',
  saved: 'Saved.',
};
