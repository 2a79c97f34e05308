import { PractitionerResolver } from './directory/practitioner.resolver';
import { ProfileResolver } from './directory/profile.resolver';
import { SearchResolver } from './directory/search.resolver';
import { AuditResolver } from './identity/audit.resolver';
import { AuthResolver } from './identity/auth.resolver';
import { MemberFieldsResolver } from './identity/member-fields.resolver';
import { MembershipResolver } from './identity/membership.resolver';
import { NetworkStatisticsResolver } from './identity/statistics.resolver';
import { ConversationResolver } from './messaging/conversation.resolver';
import { DeviceResolver } from './messaging/device.resolver';
import { PresenceResolver } from './messaging/presence.resolver';
import { ReferenceResolver } from './reference/reference.resolver';

/** Every resolver of the API: the app mounts them and `npm run schema:print` builds the schema from them. */
export const API_RESOLVERS = [
  ReferenceResolver,
  AuthResolver,
  MembershipResolver,
  MemberFieldsResolver,
  NetworkStatisticsResolver,
  AuditResolver,
  PractitionerResolver,
  ProfileResolver,
  SearchResolver,
  ConversationResolver,
  DeviceResolver,
  PresenceResolver,
];
