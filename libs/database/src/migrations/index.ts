import { CreateMembers1764400000000 } from './1764400000000-CreateMembers';
import { CreatePractitionerProfiles1764400001000 } from './1764400001000-CreatePractitionerProfiles';
import { CreateIdentity1764500000000 } from './1764500000000-CreateIdentity';
import { AddPractitionerSearch1764600000000 } from './1764600000000-AddPractitionerSearch';
import { AddDirectoryChangeLog1764700000000 } from './1764700000000-AddDirectoryChangeLog';
import { CreateMessaging1764800000000 } from './1764800000000-CreateMessaging';
import { AddDeviceKeySignature1764900000000 } from './1764900000000-AddDeviceKeySignature';
import { AddMemberLocale1765000100000 } from './1765000100000-AddMemberLocale';

/** Every migration, in order. Each works on both dialects through `sqlDialect`. */
export const MIGRATIONS = [
  CreateMembers1764400000000,
  CreatePractitionerProfiles1764400001000,
  CreateIdentity1764500000000,
  AddPractitionerSearch1764600000000,
  AddDirectoryChangeLog1764700000000,
  CreateMessaging1764800000000,
  AddDeviceKeySignature1764900000000,
  AddMemberLocale1765000100000,
];
