import { MemberRole, MemberStatus } from '@app/identity';
import { ContactKind, ContactVisibility, ReferenceDataService } from '@app/directory';
import {
  findDuplicateContactValues,
  findProtectedContactLeaks,
  type ContactLeakProfile,
} from './contact-leaks';
import { emailSlug, planDemoNetwork } from './demo-network.plan';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;

describe(planDemoNetwork.name, () => {
  const plans = planDemoNetwork();
  const reference = new ReferenceDataService();

  it('should plan at least 60 practitioners over at least 12 countries, including the network’s own', () => {
    expect(plans.length).toBeGreaterThanOrEqual(60);
    const countries = new Set(plans.map((p) => p.country));
    expect(countries.size).toBeGreaterThanOrEqual(12);
    for (const code of ['IR', 'KZ', 'KG', 'TJ', 'PK', 'UZ', 'IT']) {
      expect(countries).toContain(code);
    }
  });

  it('should be deterministic, so a second seed run finds the same accounts', () => {
    expect(planDemoNetwork().map((p) => p.email)).toEqual(plans.map((p) => p.email));
  });

  it('should give unique, ASCII e-mails', () => {
    const emails = plans.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(email).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
    }
  });

  it('should write names in native script: Cyrillic and Perso-Arabic', () => {
    expect(plans.some((p) => p.nativeName && CYRILLIC.test(p.nativeName))).toBe(true);
    expect(plans.some((p) => p.nativeName && ARABIC.test(p.nativeName))).toBe(true);
    expect(plans).toContainEqual(
      expect.objectContaining({ displayName: 'Erkin Yuldashev', nativeName: 'Эркин Юлдашев' }),
    );
  });

  it('should include an admin, coordinators with a scope, vetted members and pending applicants', () => {
    expect(plans.filter((p) => p.role === MemberRole.ADMIN)).toHaveLength(1);
    const coordinators = plans.filter((p) => p.role === MemberRole.COORDINATOR);
    expect(coordinators.length).toBeGreaterThanOrEqual(3);
    for (const coordinator of coordinators) {
      expect(coordinator.coordinatorCountries.length).toBeGreaterThan(0);
    }
    expect(plans.filter((p) => p.status === MemberStatus.PENDING).length).toBeGreaterThanOrEqual(3);
    expect(plans.filter((p) => p.status === MemberStatus.VETTED).length).toBeGreaterThanOrEqual(50);
  });

  it('should give every contact of the whole network its own value', () => {
    expect(findDuplicateContactValues(plans)).toEqual([]);
  });

  it('should show no coordinators-only contact in a members channel, a name or a bio', () => {
    expect(findProtectedContactLeaks(plans)).toEqual([]);
  });

  it('should use only codes that exist in the reference data', () => {
    for (const plan of plans) {
      expect(reference.isCountry(plan.country)).toBe(true);
      for (const language of plan.languages) {
        expect(reference.isLanguage(language.code)).toBe(true);
      }
      expect(plan.expertise.every((code) => reference.isExpertise(code))).toBe(true);
      expect(plan.competences.every((code) => reference.isCompetence(code))).toBe(true);
      expect(new Intl.DateTimeFormat('en', { timeZone: plan.timeZone }).resolvedOptions().timeZone).toBe(
        plan.timeZone,
      );
      for (const contact of plan.contacts) {
        if (contact.kind !== ContactKind.EMAIL) {
          expect(contact.value).toMatch(/^\+[1-9]\d{7,14}$/);
        }
      }
    }
  });
});

describe(emailSlug.name, () => {
  it('should fold Latin diacritics and drop everything else', () => {
    expect(emailSlug('Məmmədov')).toBe('memmedov');
    expect(emailSlug('Yılmaz')).toBe('yilmaz');
    expect(emailSlug('Aýgül')).toBe('aygul');
    expect(emailSlug('De Luca')).toBe('deluca');
  });
});

describe(findProtectedContactLeaks.name, () => {
  const profile = (overrides: Partial<ContactLeakProfile>): ContactLeakProfile => ({
    email: 'leaky@demo.test',
    displayName: 'Leaky Profile',
    nativeName: null,
    nameVariants: [],
    bio: null,
    contacts: [
      { kind: ContactKind.MOBILE, value: '+998901234567', visibility: ContactVisibility.COORDINATORS },
      { kind: ContactKind.EMAIL, value: 'Night.Desk@demo.test', visibility: ContactVisibility.COORDINATORS },
    ],
    ...overrides,
  });

  it('should find a protected number reused as a members messenger, whatever its punctuation', () => {
    const leaky = profile({});
    const other = profile({
      email: 'other@demo.test',
      contacts: [
        { kind: ContactKind.SIGNAL, value: '+998 90 123-45-67', visibility: ContactVisibility.MEMBERS },
      ],
    });
    expect(findProtectedContactLeaks([leaky, other])).toEqual([
      'leaky@demo.test: COORDINATORS MOBILE +998901234567 appears in the MEMBERS SIGNAL contact of other@demo.test',
    ]);
  });

  it('should find a protected number or e-mail in a bio or a name, ignoring case', () => {
    const leaky = profile({
      bio: 'After hours: +998 (90) 123 45 67.',
      nameVariants: ['night.desk@DEMO.test'],
    });
    expect(findProtectedContactLeaks([leaky])).toEqual([
      'leaky@demo.test: COORDINATORS MOBILE +998901234567 appears in the bio of leaky@demo.test',
      'leaky@demo.test: COORDINATORS EMAIL Night.Desk@demo.test appears in the name variant of leaky@demo.test',
    ]);
  });

  it('should not flag a protected contact that only coordinators can read', () => {
    expect(findProtectedContactLeaks([profile({})])).toEqual([]);
  });
});

describe(findDuplicateContactValues.name, () => {
  it('should find the same number written twice, whatever its punctuation', () => {
    const contacts = [
      { kind: ContactKind.MOBILE, value: '+998901234567', visibility: ContactVisibility.COORDINATORS },
      { kind: ContactKind.WHATSAPP, value: '+998 90 123 45 67', visibility: ContactVisibility.MEMBERS },
    ];
    const leaky = {
      email: 'a@demo.test',
      displayName: 'A',
      nativeName: null,
      nameVariants: [],
      bio: null,
      contacts,
    };
    expect(findDuplicateContactValues([leaky])).toHaveLength(1);
  });
});
