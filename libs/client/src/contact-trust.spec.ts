import { ContactTrust } from './contact-trust';

describe(ContactTrust.name, () => {
  it('should trust first keys, flag a new key as changed, and clear it only on confirmation', () => {
    let saves = 0;
    const trust = new ContactTrust({}, () => (saves += 1));
    expect(trust.state('bob')).toBeUndefined();
    expect(trust.observe('bob', ['k1'])).toBe('unverified');
    expect(trust.observe('bob', ['k1'])).toBe('unverified');
    trust.verify('bob', ['k1']);
    expect(trust.state('bob')).toBe('verified');
    expect(trust.observe('bob', ['k1', 'k2'])).toBe('changed');
    expect(trust.observe('bob', ['k1'])).toBe('changed'); // still unconfirmed, even if it disappears again
    trust.acceptChange('bob');
    expect(trust.state('bob')).toBe('unverified');
    expect(trust.observe('bob', ['k2'])).toBe('unverified'); // a revoked device changes nothing
    expect(saves).toBeGreaterThanOrEqual(4);
    expect(new ContactTrust(trust.toJSON()).state('bob')).toBe('unverified');
  });
});
