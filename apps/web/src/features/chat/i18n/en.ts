import { chatCoreEn } from './core.en';
import { exportEn } from './export.en';
import { groupEn } from './group.en';
import { safetyEn } from './safety.en';
import { searchEn } from './search.en';

/**
 * The English strings of the chat (the `chat.*` keys): its core screens, the safety numbers, groups and the export,
 * each in its own file (and the search of this device's messages); loaded with the chat (./register.ts), not with sign-in.
 */
export const chatEn = {
  ...chatCoreEn,
  safety: safetyEn,
  group: groupEn,
  exporting: exportEn,
  search: searchEn,
};
