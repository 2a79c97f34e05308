import { isActiveMember, type MemberWithCountry } from '@app/identity';
import { LocaleCode } from '../reference/reference.model';
import type { MemberModel } from './identity.models';

export function toMemberModel({ member, country }: MemberWithCountry): MemberModel {
  return {
    id: member.id,
    email: member.email,
    role: member.role,
    status: member.status,
    coordinatorCountries: member.coordinatorCountries,
    country,
    vettedAt: member.vettedAt,
    vettedUntil: member.vettedUntil,
    active: isActiveMember(member),
    totpEnabled: member.totpEnabledAt !== null,
    locale: LocaleCode[member.locale],
    createdAt: member.createdAt,
  };
}
