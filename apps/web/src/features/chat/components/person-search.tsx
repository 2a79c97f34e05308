import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import { ChatFindPeopleDocument, type ChatPersonFragment } from '@web/lib/graphql/graphql';

/** The server's limits (libs/messaging MAX_GROUP_SIZE, MAX_TITLE_LENGTH): people in a group, the owner included. */
export const MAX_GROUP_SIZE = 100;
export const MAX_TITLE_LENGTH = 200;
/** The directory's longest search text. */
const MAX_SEARCH_LENGTH = 200;
/** Searching as one types, once the typing pauses. */
const TYPING_PAUSE_MS = 350;

export interface PersonSearchProps {
  /** The signed-in member: never offered. */
  memberId: string;
  /** Whether this person is already chosen or in the group (shown, but not offered again). */
  isIn: (memberId: string) => boolean;
  onAdd: (person: ChatPersonFragment) => void;
  /** While an addition runs: the buttons wait. */
  busy?: boolean;
  /** The search field's id (an error summary links to it). */
  id?: string;
  /** A translated message about the people chosen, tied to the search field. */
  error?: string;
}

/**
 * Finding people to add by name, in any script (the directory's search, vetted members only): results as they are
 * typed (or at once on Enter or "Search"), each an "Add <name> (<country>)" button. After an addition the focus goes
 * back to the search field, so the next name can be typed at once. Not a form of its own: it sits inside one.
 */
export function PersonSearch({ memberId, isIn, onAdd, busy = false, id, error }: PersonSearchProps) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const next = draft.trim();
    if (next === text) {
      return;
    }
    const timer = setTimeout(() => setText(next), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, text]);
  const [{ data, error: searchError, fetching }, refetch] = useQuery({
    query: ChatFindPeopleDocument,
    variables: { text },
    pause: text === '',
  });
  const current = text !== '' ? data : undefined;
  const people = (current?.practitioners.edges ?? [])
    .map((edge) => edge.node)
    .filter((person) => person.id !== memberId);

  const commit = () => setText(draft.trim());
  let status = '';
  if (text !== '' && fetching && !current) {
    status = t('group.search.searching');
  } else if (current) {
    status =
      people.length === 0
        ? t('group.search.none', { text })
        : [
            t('group.search.found', { count: people.length }),
            current.practitioners.totalCount > current.practitioners.edges.length
              ? t('group.search.more', {
                  shown: current.practitioners.edges.length,
                  total: current.practitioners.totalCount,
                })
              : '',
          ]
            .filter(Boolean)
            .join(' ');
  }

  return (
    <div role="search" aria-label={t('group.search.region')} className="flex flex-col gap-3">
      <Field
        ref={input}
        id={id}
        type="search"
        name="person"
        label={t('group.search.label')}
        hint={t('group.search.hint')}
        error={error}
        value={draft}
        maxLength={MAX_SEARCH_LENGTH}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        dir="auto"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            // Enter searches here; it does not send the form around the search.
            event.preventDefault();
            commit();
          }
        }}
        trailing={
          <Button type="button" variant="secondary" onClick={commit}>
            {t('group.search.submit')}
          </Button>
        }
      />
      <p role="status" className={status ? 'text-sm text-slate-700' : 'sr-only'}>
        {status}
      </p>
      {searchError && !current && text !== '' ? (
        <Alert tone="error">
          {errorText(common, resultError(searchError))}{' '}
          <Button type="button" variant="link" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {common('actions.retry')}
          </Button>
        </Alert>
      ) : null}
      {people.length > 0 ? (
        <ul aria-label={t('group.search.results')} className="flex flex-col gap-2">
          {people.map((person) => {
            const names = { name: person.displayName, country: format.country(person.country) };
            const details = [person.position, person.agency?.name].filter(Boolean).join(' · ');
            return (
              <li
                key={person.id}
                className="flex flex-col items-start gap-1 rounded-md border border-slate-200 bg-white p-3"
              >
                {isIn(person.id) ? (
                  <span className="font-medium text-slate-800">{t('group.search.already', names)}</span>
                ) : (
                  <Button
                    type="button"
                    variant="secondary"
                    className="max-w-full text-start"
                    disabled={busy}
                    onClick={() => {
                      onAdd(person);
                      input.current?.focus();
                    }}
                  >
                    <span className="min-w-0 break-words">{t('group.search.add', names)}</span>
                  </Button>
                )}
                {person.nativeName && person.nativeName !== person.displayName ? (
                  <span dir="auto" className="text-sm text-slate-800">
                    {person.nativeName}
                  </span>
                ) : null}
                {details ? <span className="text-sm text-slate-700">{details}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
