import type { Account, Api } from './api';

/** A counterpart's profile as the profile tests and screens set it: a Perso-Arabic native name, contacts of both kinds. */
export const COUNTERPART = {
  displayName: 'Ahmad Shah Karimi',
  nativeName: 'احمد شاه کریمی',
  nameVariants: ['Ahmad Shoh Karimiy'],
  position: 'Senior prosecutor',
  membersEmail: 'karimi.desk@e2e.example.org',
  membersMobile: '+998901234567',
  coordinatorsPhone: '+998712345678',
} as const;

/** What the profile tests set on an account through updateMyProfile (its own session). */
export async function setProfile(api: Api, account: Account, input: Record<string, unknown>): Promise<void> {
  const { accessToken } = await api.signIn(account.email, account.password);
  await api.graphql(
    accessToken,
    'mutation Update($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }',
    { input },
  );
}

/** A vetted member whose profile is COUNTERPART's: a coordinators-only phone beside the members' e-mail and mobile. */
export async function counterpart(api: Api, label = 'counterpart'): Promise<Account> {
  const account = await api.member(label);
  await setProfile(api, account, {
    displayName: COUNTERPART.displayName,
    nativeName: COUNTERPART.nativeName,
    nameVariants: COUNTERPART.nameVariants,
    position: COUNTERPART.position,
    languages: [
      { code: 'ru', level: 'FLUENT' },
      { code: 'fa', level: 'NATIVE' },
    ],
    expertise: ['ASSET_RECOVERY'],
    workingDays: [1, 2, 3, 4, 5],
    workingHoursStart: '09:00',
    workingHoursEnd: '18:00',
    contacts: [
      { kind: 'EMAIL', value: COUNTERPART.membersEmail, visibility: 'MEMBERS' },
      { kind: 'MOBILE', value: COUNTERPART.membersMobile, visibility: 'MEMBERS' },
      { kind: 'PHONE', value: COUNTERPART.coordinatorsPhone, label: 'Duty desk', visibility: 'COORDINATORS' },
    ],
  });
  return account;
}
