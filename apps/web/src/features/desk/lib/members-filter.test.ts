import { describe, expect, it } from 'vitest';
import { filtersOf, paramsOf, toMembersFilter } from './members-filter';

const NOW = new Date('2026-12-01T15:00:00Z');

describe(toMembersFilter.name, () => {
  it('should turn the address’s filters into the API’s, the expiry at a UTC midnight that holds all day', () => {
    const filters = filtersOf(new URLSearchParams('status=VETTED&country=kz&expires=30&stale=1'));
    expect(toMembersFilter(filters, NOW)).toEqual({
      status: 'VETTED',
      countries: ['KZ'],
      vettingExpiresBefore: '2027-01-01T00:00:00.000Z',
      staleProfile: true,
    });
    expect(toMembersFilter(filters, new Date('2026-12-01T00:01:00Z'))).toEqual(toMembersFilter(filters, NOW));
  });

  it('should take a custom number of days only when it is a whole number from 1 to 3650', () => {
    const custom = (days: string) =>
      toMembersFilter(filtersOf(new URLSearchParams({ expires: 'custom', days })), NOW);
    expect(custom('10')).toEqual({ vettingExpiresBefore: '2026-12-12T00:00:00.000Z' });
    for (const days of ['', '0', '-3', '2.5', '9999', 'ten']) {
      expect(custom(days)).toEqual({});
    }
  });

  it('should ignore what it does not know and write back only the filters set', () => {
    const filters = filtersOf(new URLSearchParams('status=HAPPY&country=Uzbekistan&expires=7&stale=yes'));
    expect(toMembersFilter(filters, NOW)).toEqual({});
    expect(paramsOf(filters).toString()).toBe('');
    expect(paramsOf(filtersOf(new URLSearchParams('expires=custom&days=45&status=PENDING'))).toString()).toBe(
      'status=PENDING&expires=custom&days=45',
    );
  });
});
