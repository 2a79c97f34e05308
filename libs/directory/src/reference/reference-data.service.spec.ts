import { COMPETENCES } from './competences';
import { EXPERTISE_AREAS } from './expertise';
import { LOCALES } from './locale';
import { ReferenceDataService } from './reference-data.service';

describe(ReferenceDataService.name, () => {
  const reference = new ReferenceDataService();

  it('should list ISO 3166-1 countries in English and Russian, sorted by name', () => {
    const en = reference.countries('en');
    const ru = reference.countries('ru');
    expect(en.length).toBeGreaterThanOrEqual(249);
    expect(en.find((c) => c.code === 'UZ')?.name).toBe('Uzbekistan');
    expect(ru.find((c) => c.code === 'UZ')?.name).toBe('Узбекистан');
    expect(ru.find((c) => c.code === 'IR')?.name).toMatch(/Иран/);
    const names = ru.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
    expect(en.some((c) => c.code === 'XK')).toBe(false);
  });

  it('should list all 184 ISO 639-1 languages with capitalised names', () => {
    const ru = reference.languages('ru');
    expect(ru).toHaveLength(184);
    expect(ru.find((l) => l.code === 'tg')?.name).toBe('Таджикский');
    expect(reference.languages('en').find((l) => l.code === 'ur')?.name).toBe('Urdu');
  });

  it.each(LOCALES)('should label every expertise area and competence in %s', (locale) => {
    for (const item of [...reference.expertiseAreas(locale), ...reference.competences(locale)]) {
      expect(item.name.trim().length).toBeGreaterThan(2);
      expect(item.group).toMatch(/^[A-Z_]+$/);
    }
  });

  it('should keep taxonomy codes unique and in the code format', () => {
    for (const list of [EXPERTISE_AREAS, COMPETENCES]) {
      const codes = list.map((entry) => entry.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      }
    }
    expect(EXPERTISE_AREAS.map((e) => e.code)).toEqual(
      expect.arrayContaining(['TIP_FORCED_LABOUR', 'SOM_SEA', 'DOCUMENT_FRAUD', 'WITNESS_PROTECTION']),
    );
    expect(COMPETENCES.map((e) => e.code)).toEqual(
      expect.arrayContaining(['UNTOC_MLA', 'TIP_PROTOCOL', 'SOM_PROTOCOL', 'UNTOC_EXTRADITION', 'UNTOC_JIT']),
    );
  });

  it('should check codes against the reference data', () => {
    expect(reference.isCountry('PK')).toBe(true);
    expect(reference.isCountry('pk')).toBe(false);
    expect(reference.isCountry('XK')).toBe(false);
    expect(reference.isLanguage('fa')).toBe(true);
    expect(reference.isLanguage('xx')).toBe(false);
    expect(reference.isExpertise('SOM_AIR')).toBe(true);
    expect(reference.isExpertise('SOM_SPACE')).toBe(false);
    expect(reference.isCompetence('UNTOC_MLA')).toBe(true);
    expect(reference.isCompetence('MLA')).toBe(false);
  });
});
