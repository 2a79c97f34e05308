import { parseSearchKey, searchKeyFor } from './search-key';

describe(searchKeyFor.name, () => {
  it('should keep name words before the separator and other words after it, folded once', () => {
    const key = searchKeyFor({
      displayName: 'Erkin Yuldashev',
      nativeName: 'Эркин Юлдашев',
      nameVariants: ['Erkin Iuldashev'],
      position: 'Senior Prosecutor',
      agencyName: 'General Prosecutor’s Office',
    });
    expect(parseSearchKey(key)).toEqual({
      names: ['erkin', 'iuldasev'],
      other: ['senior', 'prosecutor', 'general', 'prosecutors', 'ofice'],
    });
  });
});
