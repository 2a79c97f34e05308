import { describe, expect, it } from 'vitest';
import { deskViewer } from '../testing/factories';
import { actionsFor } from './member-actions';
import { oversees } from './viewer';

const uz = deskViewer({ coordinatorCountries: ['UZ'] });
const admin = deskViewer({ role: 'ADMIN', coordinatorCountries: [] });

describe(actionsFor.name, () => {
  it('should give nothing on a member outside the coordinator’s countries, whatever their status', () => {
    for (const status of ['PENDING', 'VETTED', 'SUSPENDED', 'REJECTED', 'REVOKED'] as const) {
      expect(actionsFor(uz, { id: 'kz', country: 'KZ', status })).toEqual([]);
    }
    expect(actionsFor(uz, { id: 'none', country: null, status: 'VETTED' })).toEqual([]);
  });

  it('should give nothing on the viewer’s own account', () => {
    expect(actionsFor(uz, { id: uz.id, country: 'UZ', status: 'VETTED' })).toEqual([]);
  });

  it('should follow the status for a coordinator in scope, and never offer the role editor to them', () => {
    expect(actionsFor(uz, { id: 'a', country: 'UZ', role: 'MEMBER', status: 'PENDING' })).toEqual([
      'approve',
      'reject',
      'correct',
      'reset',
      'revoke',
    ]);
    expect(actionsFor(uz, { id: 'a', country: 'UZ', role: 'MEMBER', status: 'VETTED' })).toEqual([
      'renew',
      'correct',
      'reset',
      'suspend',
      'revoke',
    ]);
    expect(actionsFor(uz, { id: 'a', country: 'UZ', role: 'MEMBER', status: 'SUSPENDED' })).toEqual([
      'reinstate',
      'correct',
      'reset',
      'revoke',
    ]);
    expect(actionsFor(uz, { id: 'a', country: 'UZ', role: 'MEMBER', status: 'REVOKED' })).toEqual([]);
  });

  it('should give a coordinator nothing on staff of their own countries, whatever the status', () => {
    for (const role of ['COORDINATOR', 'ADMIN'] as const) {
      for (const status of ['PENDING', 'VETTED', 'SUSPENDED', 'REJECTED', 'REVOKED'] as const) {
        expect(actionsFor(uz, { id: 'staff', country: 'UZ', role, status })).toEqual([]);
      }
    }
    // A role the desk was not told is not taken for a plain member's.
    expect(actionsFor(uz, { id: 'unknown', country: 'UZ', status: 'VETTED' })).toEqual([]);
  });

  it('should let an administrator act on a coordinator or another administrator', () => {
    expect(actionsFor(admin, { id: 'c', country: 'UZ', role: 'COORDINATOR', status: 'VETTED' })).toEqual([
      'renew',
      'correct',
      'reset',
      'suspend',
      'revoke',
      'role',
    ]);
    expect(actionsFor(admin, { id: 'a2', country: null, role: 'ADMIN', status: 'SUSPENDED' })).toContain(
      'reinstate',
    );
  });

  it('should let an administrator act in every country, a member without a profile too, and change roles', () => {
    expect(actionsFor(admin, { id: 'kz', country: 'KZ', status: 'VETTED' })).toContain('role');
    expect(actionsFor(admin, { id: 'none', country: null, status: 'SUSPENDED' })).toEqual([
      'reinstate',
      'correct',
      'reset',
      'revoke',
      'role',
    ]);
    expect(actionsFor(admin, { id: 'p', country: 'KZ', status: 'PENDING' })).not.toContain('role');
  });
});

describe(oversees.name, () => {
  it('should hold for an administrator anywhere and for a coordinator only in their countries', () => {
    expect(oversees(admin, 'IR')).toBe(true);
    expect(oversees(uz, 'UZ')).toBe(true);
    expect(oversees(uz, 'KZ')).toBe(false);
    expect(oversees(deskViewer({ role: 'MEMBER', coordinatorCountries: ['UZ'] }), 'UZ')).toBe(false);
  });
});
