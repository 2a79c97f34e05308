import { describe, expect, it } from 'vitest';
import { byRowKey } from '@web/lib/language-rows';
import { parseNameVariants } from '@web/lib/practitioner-form';
import { emptyApplication, toInput, validateApplication } from './application';

describe('the application form', () => {
  it('should split name variants on lines and commas, dropping blanks and repeats', () => {
    expect(parseNameVariants(' Navoi,navoi \n\n Nawoi ;  Alisher   Navoiy ')).toEqual([
      'Navoi',
      'Nawoi',
      'Alisher Navoiy',
    ]);
  });

  it('should leave out empty language rows and name errors by row key', () => {
    const form = {
      ...emptyApplication('UTC'),
      languages: [
        { key: 0, code: '', level: '' as const },
        { key: 4, code: 'uz', level: 'NATIVE' as const },
        { key: 7, code: '', level: 'BASIC' as const },
      ],
    };
    expect(toInput(form).languages).toEqual([
      { code: 'uz', level: 'NATIVE' },
      { code: '', level: 'BASIC' },
    ]);
    const errors = validateApplication(form).filter((error) => error.path.startsWith('languages'));
    expect(errors).toEqual([{ path: 'languages.1.code', code: 'INVALID_LANGUAGE' }]);
    expect(byRowKey(errors, form.languages)).toEqual([
      { path: 'languages.k7.code', code: 'INVALID_LANGUAGE' },
    ]);
    expect(byRowKey([{ path: 'languages', code: 'INVALID' }], form.languages)).toEqual([
      { path: 'languages', code: 'INVALID' },
    ]);
  });

  it('should refuse too many name variants with the limit', () => {
    const form = {
      ...emptyApplication('UTC'),
      nameVariants: Array.from({ length: 11 }, (_, i) => `N${i}`).join(','),
    };
    expect(validateApplication(form)).toContainEqual({ path: 'nameVariants', code: 'TOO_MANY', max: 10 });
  });
});
