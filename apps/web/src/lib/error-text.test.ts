import { ERROR_CODES, FIELD_ERROR_CODES } from '@app/common/error-codes';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { ApiError } from './api-error';
import { errorText, fieldErrorText } from './error-text';

const t = i18next.t.bind(i18next);

describe('error texts', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should give every API error code its own words in both languages, never the generic text', async () => {
    for (const language of ['en', 'ru']) {
      await i18next.changeLanguage(language);
      const generic = errorText(t, new Error('not an ApiError'));
      for (const code of ERROR_CODES) {
        expect(errorText(t, new ApiError(code)), `${language} ${code}`).not.toBe(generic);
      }
    }
  });

  it('should give every field error code the API sends its own words in both languages', async () => {
    for (const language of ['en', 'ru']) {
      await i18next.changeLanguage(language);
      const invalid = fieldErrorText(t, { path: 'x', code: 'SOMETHING_NEW' });
      for (const code of FIELD_ERROR_CODES.filter((field) => field !== 'INVALID')) {
        const text = fieldErrorText(t, { path: 'x', code, min: 2, max: 5 });
        expect(text, `${language} ${code}`).not.toBe(invalid);
        expect(text, `${language} ${code}`).not.toMatch(/\{\{|undefined/);
      }
    }
  });

  it('should fill in the bounds and read an unknown code as a plain "not valid"', async () => {
    expect(fieldErrorText(t, { path: 'languages', code: 'TOO_FEW', min: 1 })).toBe('Choose at least 1.');
    expect(fieldErrorText(t, { path: 'bio', code: 'TOO_LONG', max: 2000 })).toBe('At most 2000 characters.');
    expect(fieldErrorText(t, { path: 'x', code: 'FROM_A_NEWER_SERVER' })).toBe('This value is not valid.');
    expect(errorText(t, new ApiError('FROM_A_NEWER_SERVER'))).toBe('Something went wrong. Try again.');
    await i18next.changeLanguage('ru');
    expect(fieldErrorText(t, { path: 'tags', code: 'DUPLICATE' })).toBe(
      'Каждое значение можно указать только один раз.',
    );
    expect(fieldErrorText(t, undefined)).toBeUndefined();
  });
});
