import { DIGRAPH_FOLDS } from './fold';

/** Query words this long or longer also match through `prefixForms`. */
export const PREFIX_FORMS_MIN_LENGTH = 3;

/**
 * The prefixes a folded query word stands for: itself and, when it ends partway through a letter group the folding
 * rewrites, the rewritten form ("belo" typed towards "belousova" → "belu", since the key holds "belusova"). The one
 * prefix rule of both searches: the directory's scorer and the chat's local message search.
 */
export function prefixForms(word: string): string[] {
  const forms = [word];
  if (word.length < PREFIX_FORMS_MIN_LENGTH) {
    return forms;
  }
  for (const [group, folded] of DIGRAPH_FOLDS) {
    for (let cut = 1; cut < group.length; cut += 1) {
      if (word.endsWith(group.slice(0, cut))) {
        const form = `${word.slice(0, -cut)}${folded}`.replace(/(.)\1+/g, '$1');
        if (!forms.includes(form)) {
          forms.push(form);
        }
      }
    }
  }
  return forms;
}

/** Whether a folded word of the text starts with one of a query word's `prefixForms`. */
export function matchesPrefix(candidate: string, forms: readonly string[]): boolean {
  return forms.some((form) => candidate.startsWith(form));
}
