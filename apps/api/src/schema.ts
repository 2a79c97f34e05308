import { ReferenceResolver } from './reference/reference.resolver';

/** Every resolver of the API: the app mounts them and `npm run schema:print` builds the schema from them. */
export const API_RESOLVERS = [ReferenceResolver];
