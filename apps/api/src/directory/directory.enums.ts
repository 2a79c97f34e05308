import { registerEnumType } from '@nestjs/graphql';
import { AgencyType, ContactKind, ContactVisibility, LanguageLevel } from '@app/directory';

registerEnumType(AgencyType, { name: 'AgencyType' });
registerEnumType(LanguageLevel, { name: 'LanguageLevel', description: 'NATIVE > FLUENT > WORKING > BASIC' });
registerEnumType(ContactKind, { name: 'ContactKind' });
registerEnumType(ContactVisibility, {
  name: 'ContactVisibility',
  description: 'MEMBERS: every vetted member; COORDINATORS: coordinators and admins only',
});

export { AgencyType, ContactKind, ContactVisibility, LanguageLevel };
