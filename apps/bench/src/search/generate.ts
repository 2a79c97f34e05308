import { createHash } from 'node:crypto';
import { fakerDE, fakerEN, fakerIT, fakerRU, fakerTR } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import { DEMO_COUNTRIES } from '@app/database/seed';
import { AgencyType, COMPETENCES, EXPERTISE_AREAS, LanguageLevel, searchKeyFor } from '@app/directory';
import { rng } from '../common/stats';

export interface GeneratedPractitioner {
  id: string;
  country: string;
  latinSurname: string;
  nativeSurname: string | null;
  firstName: string;
  active: boolean;
}

const LATIN_FAKERS = [fakerEN, fakerIT, fakerTR, fakerDE, fakerRU];
const LEVELS = [LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.WORKING, LanguageLevel.BASIC];
const TYPES = Object.values(AgencyType);
const BATCH = 400;

function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Writes `count` synthetic practitioners (with members, agencies, languages, expertise, competences): names from the
 * project's kk/tg/ky/uz/fa/ur/… lists (native script + romanization) and from faker 9 for Latin-script names.
 * Deterministic: the same count gives the same rows.
 */
export async function generatePractitioners(
  dataSource: DataSource,
  count: number,
): Promise<GeneratedPractitioner[]> {
  const random = rng(20261129);
  LATIN_FAKERS.forEach((faker, index) => faker.seed(20261129 + index));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const postgres = dataSource.options.type === 'postgres';
  const ts = (date: Date) =>
    postgres ? date.toISOString() : date.toISOString().replace('T', ' ').replace('Z', '');
  const now = new Date();
  const future = ts(new Date(now.getTime() + 400 * 24 * 3600 * 1000));
  const past = ts(new Date(now.getTime() - 24 * 3600 * 1000));

  // Agencies: a few per country and type.
  const agencies: { id: string; country: string; name: string; type: AgencyType }[] = [];
  for (const country of DEMO_COUNTRIES) {
    for (const template of country.agencies) {
      agencies.push({
        id: uuid(`agency:${country.code}:${template.name}`),
        country: country.code,
        ...template,
      });
    }
    for (const type of TYPES) {
      agencies.push({
        id: uuid(`agency:${country.code}:${type}`),
        country: country.code,
        name: `${fakerEN.location.city()} ${type.toLowerCase().replace('_', ' ')} service`,
        type,
      });
    }
  }

  const people: GeneratedPractitioner[] = [];
  const rows = {
    member: [] as unknown[][],
    practitioner: [] as unknown[][],
    language: [] as unknown[][],
    expertise: [] as unknown[][],
    competence: [] as unknown[][],
  };
  for (let i = 0; i < count; i += 1) {
    const country = pick(DEMO_COUNTRIES);
    const female = random() < 0.5;
    let first: string;
    let firstNative: string;
    let last: string;
    let lastNative: string | null;
    if (country.nonLatin || random() < 0.5) {
      [firstNative, first] = pick(female ? country.female : country.male);
      const surname = pick(country.surnames);
      const feminine = country.gendered && female;
      last = feminine && /(ov|ev|ow|ew|in)$/.test(surname[1]) ? `${surname[1]}a` : surname[1];
      lastNative = country.nonLatin
        ? feminine && /(ов|ев|ин)$/u.test(surname[0])
          ? `${surname[0]}а`
          : surname[0]
        : null;
    } else {
      const faker = pick(LATIN_FAKERS);
      first = faker.person.firstName(female ? 'female' : 'male');
      firstNative = first;
      last = faker.person.lastName();
      lastNative = null;
    }
    const id = uuid(`practitioner:${i}`);
    const status = random();
    const active = status < 0.95;
    const agency = pick(agencies.filter((candidate) => candidate.country === country.code));
    const displayName = `${first} ${last}`;
    const nativeName = lastNative ? `${firstNative} ${lastNative}` : null;
    const position = pick([
      'Prosecutor',
      'Senior Prosecutor',
      'Investigator',
      'Analyst',
      'Liaison Officer',
      'Inspector',
    ]);
    people.push({
      id,
      country: country.code,
      latinSurname: last,
      nativeSurname: lastNative,
      firstName: first,
      active,
    });
    rows.member.push([
      id,
      `bench${i}@bench.test`,
      'x',
      'MEMBER',
      '[]',
      active ? 'VETTED' : status < 0.98 ? 'PENDING' : 'VETTED',
      active ? future : status < 0.98 ? null : past,
      postgres ? false : 0,
      ts(now),
      ts(now),
    ]);
    rows.practitioner.push([
      id,
      displayName,
      nativeName,
      '[]',
      position,
      country.code,
      agency.id,
      country.timeZone,
      JSON.stringify(country.workingDays),
      postgres ? random() < 0.1 : random() < 0.1 ? 1 : 0,
      searchKeyFor({ displayName, nativeName, nameVariants: [], position, agencyName: agency.name }),
      ts(now),
      ts(now),
      ts(now),
    ]);
    const languages = new Map<string, LanguageLevel>([[country.nativeLanguage, LanguageLevel.NATIVE]]);
    for (const code of country.otherLanguages) {
      if (random() < 0.6 && !languages.has(code)) {
        languages.set(code, pick(LEVELS.slice(1)));
      }
    }
    languages.forEach((level, code) => rows.language.push([id, code, level]));
    new Set([pick(EXPERTISE_AREAS).code, pick(EXPERTISE_AREAS).code, pick(EXPERTISE_AREAS).code]).forEach(
      (code) => rows.expertise.push([id, code]),
    );
    new Set([pick(COMPETENCES).code, pick(COMPETENCES).code]).forEach((code) =>
      rows.competence.push([id, code]),
    );
  }

  await dataSource.transaction(async (manager) => {
    const insert = async (table: string, columns: string[], values: unknown[][]) => {
      for (let start = 0; start < values.length; start += BATCH) {
        const chunk = values.slice(start, start + BATCH);
        let n = 0;
        const tuples = chunk.map(
          () => `(${columns.map(() => (postgres ? `$${(n += 1)}` : '?')).join(', ')})`,
        );
        await manager.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          chunk.flat(),
        );
      }
    };
    await insert(
      'agency',
      ['id', 'country', 'name', 'type', 'city', 'created_at'],
      agencies.map((a) => [a.id, a.country, a.name, a.type, '', ts(now)]),
    );
    await insert(
      'member',
      [
        'id',
        'email',
        'password_hash',
        'role',
        'coordinator_countries',
        'status',
        'vetted_until',
        'is_demo',
        'created_at',
        'updated_at',
      ],
      rows.member,
    );
    await insert(
      'practitioner',
      [
        'member_id',
        'display_name',
        'native_name',
        'name_variants',
        'position',
        'country',
        'agency_id',
        'time_zone',
        'working_days',
        'available_24x7',
        'search_key',
        'confirmed_at',
        'created_at',
        'updated_at',
      ],
      rows.practitioner,
    );
    await insert('practitioner_language', ['practitioner_id', 'language_code', 'level'], rows.language);
    await insert('practitioner_expertise', ['practitioner_id', 'code'], rows.expertise);
    await insert('practitioner_competence', ['practitioner_id', 'code'], rows.competence);
  });
  return people;
}
