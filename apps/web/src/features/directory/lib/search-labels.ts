import type { TFunction } from 'i18next';
import type { AgencyType, DirectorySearchReferenceQuery } from '@web/lib/graphql/graphql';
import type { ListKey } from './search-params';

/** The names the screen shows for codes: reference lists from the API in the UI language, agency types from the catalog. */
export interface SearchLabels {
  country(code: string): string;
  language(code: string): string;
  expertise(code: string): string;
  competence(code: string): string;
  agencyType(code: string): string;
  /** The name of a value of a list filter. */
  of(key: ListKey, code: string): string;
}

const lookup = (items: readonly { code: string; name: string }[] | undefined) => {
  const names = new Map(items?.map((item) => [item.code, item.name]));
  // Until the lists arrive (or for a code newer than them) the code itself.
  return (code: string) => names.get(code) ?? code;
};

export function searchLabels(
  t: TFunction,
  reference: DirectorySearchReferenceQuery | undefined,
): SearchLabels {
  const country = lookup(reference?.countries);
  const language = lookup(reference?.languages);
  const expertise = lookup(reference?.expertiseAreas);
  const competence = lookup(reference?.competences);
  const agencyType = (code: string): string =>
    t(`directory.search.agencyType.${code as AgencyType}`, { defaultValue: code });
  const byKey: Record<ListKey, (code: string) => string> = {
    countries: country,
    languages: language,
    expertise,
    competences: competence,
    agencyTypes: agencyType,
  };
  return { country, language, expertise, competence, agencyType, of: (key, code) => byKey[key](code) };
}
