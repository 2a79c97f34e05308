/**
 * The English names of the reference data the forms and the directory show by code (the `reference.*` keys): agency
 * types, language levels, the titles of the expertise and competence groups, contact channels. One home for them;
 * loaded with the screens that show them (./register.ts), not with sign-in.
 */
export const referenceEn = {
  agencyType: {
    PROSECUTION: 'Prosecution service',
    POLICE: 'Police',
    BORDER: 'Border service',
    JUDICIARY: 'Judiciary',
    MINISTRY: 'Ministry',
    FIU: 'Financial intelligence unit',
    LABOUR_INSPECTION: 'Labour inspection',
    OTHER: 'Other agency',
  },
  levels: {
    NATIVE: 'Native',
    FLUENT: 'Fluent',
    WORKING: 'Working knowledge',
    BASIC: 'Basic',
  },
  expertiseGroups: {
    TRAFFICKING: 'Trafficking in persons',
    SMUGGLING: 'Smuggling of migrants',
    FINANCIAL: 'Financial investigation',
    EVIDENCE: 'Evidence and related crime',
    VICTIMS: 'Victims and witnesses',
    other: 'Other areas',
  },
  competenceGroups: {
    UNTOC: 'UN Convention against Transnational Organized Crime',
    PROTOCOLS: 'Protocols to the Convention',
    OTHER_INSTRUMENTS: 'Other instruments',
    CHANNELS: 'Channels of cooperation',
    other: 'Other competences',
  },
  contactKinds: {
    EMAIL: 'E-mail',
    PHONE: 'Phone',
    MOBILE: 'Mobile',
    FAX: 'Fax',
    TELEGRAM: 'Telegram',
    WHATSAPP: 'WhatsApp',
    SIGNAL: 'Signal',
    OTHER: 'Other',
  },
};
