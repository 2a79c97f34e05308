import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ErrorSummary, type ErrorSummaryItem } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import { ChatCreateGroupDocument, type ChatPersonFragment } from '@web/lib/graphql/graphql';
import { useChatSession } from '../lib/use-chat';
import { MAX_GROUP_SIZE, MAX_TITLE_LENGTH, PersonSearch } from './person-search';

const TITLE_ID = 'group-title';
const PEOPLE_ID = 'group-people';
const PEOPLE_HEADING_ID = 'group-people-heading';

interface Problems {
  title?: string;
  people?: string;
}

/**
 * A new group: its name and the people in it, found by name in the directory. The member creating it becomes its
 * owner. The name and the people are checked here as the server does (a name of 1 to 200 characters, at least one
 * other person, at most 100 people in all); the server's refusals land on the same fields. Created, it opens.
 */
export function NewGroupPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const session = useChatSession();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<ChatPersonFragment[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  // Kept as what happened, not as words: a language switch re-reads the notice in the new language.
  const [notice, setNotice] = useState<{ change: 'added' | 'removed'; name: string }>();
  const [{ fetching: creating }, createGroup] = useMutation(ChatCreateGroupDocument);
  const peopleHeading = useRef<HTMLHeadingElement>(null);
  const full = chosen.length >= MAX_GROUP_SIZE - 1;

  const titleText = (error: FieldError) =>
    error.code === 'REQUIRED'
      ? t('group.create.nameRequired')
      : error.code === 'TOO_LONG'
        ? t('group.create.nameTooLong', { max: MAX_TITLE_LENGTH })
        : fieldErrorText(common, error);
  const peopleText = (error: FieldError) =>
    error.code === 'TOO_FEW'
      ? t('group.create.peopleRequired')
      : error.code === 'TOO_MANY'
        ? t('group.create.full', { max: MAX_GROUP_SIZE })
        : error.code === 'INVALID' || error.code === 'INVALID_ID'
          ? t('group.create.peopleInvalid')
          : fieldErrorText(common, error);

  /** Shows the problems and takes the focus to the first field that has one. */
  function fail(next: Problems) {
    setProblems(next);
    if (next.title || !full) {
      document.getElementById(next.title ? TITLE_ID : PEOPLE_ID)?.focus();
    } else {
      peopleHeading.current?.focus();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const name = title.trim();
    const found: Problems = {
      title:
        name === ''
          ? t('group.create.nameRequired')
          : name.length > MAX_TITLE_LENGTH
            ? t('group.create.nameTooLong', { max: MAX_TITLE_LENGTH })
            : undefined,
      people: chosen.length === 0 ? t('group.create.peopleRequired') : undefined,
    };
    if (found.title || found.people) {
      fail(found);
      return;
    }
    setProblems({});
    const result = await createGroup({
      input: { title: name, memberIds: chosen.map((person) => person.id) },
    });
    const created = result.data?.createGroupConversation;
    if (created) {
      void navigate(`/chat/${created.id}`);
      return;
    }
    const error = resultError(result.error);
    const titleError = error?.field('title');
    const peopleError = error?.field('memberIds');
    if (titleError || peopleError) {
      fail({
        title: titleError ? titleText(titleError) : undefined,
        people: peopleError ? peopleText(peopleError) : undefined,
      });
    } else {
      setFailure(errorText(common, error));
    }
  }

  const add = (person: ChatPersonFragment) => {
    if (chosen.some((candidate) => candidate.id === person.id) || full) {
      return;
    }
    setChosen([...chosen, person]);
    setProblems({ ...problems, people: undefined });
    setNotice({ change: 'added', name: person.displayName });
  };
  const remove = (person: ChatPersonFragment) => {
    setChosen(chosen.filter((candidate) => candidate.id !== person.id));
    setNotice({ change: 'removed', name: person.displayName });
    peopleHeading.current?.focus();
  };

  const summary: ErrorSummaryItem[] = [
    ...(problems.title ? [{ target: TITLE_ID, text: problems.title }] : []),
    ...(problems.people ? [{ target: full ? undefined : PEOPLE_ID, text: problems.people }] : []),
  ];

  return (
    <Page
      title={t('group.create.title')}
      intro={t('group.create.intro')}
      before={
        <Link to="/chat" className="text-sm font-medium text-brand-700 underline">
          {t('conversation.back')}
        </Link>
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-6">
        {summary.length > 0 ? (
          <ErrorSummary title={t('group.create.summary', { count: summary.length })} items={summary} />
        ) : null}
        <Field
          id={TITLE_ID}
          name="title"
          label={t('group.create.name')}
          hint={t('group.create.nameHint', { max: MAX_TITLE_LENGTH })}
          required
          autoComplete="off"
          dir="auto"
          value={title}
          error={problems.title}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblems({ ...problems, title: undefined });
          }}
        />
        <section aria-labelledby={PEOPLE_HEADING_ID} className="flex flex-col gap-3">
          <h2
            id={PEOPLE_HEADING_ID}
            ref={peopleHeading}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {t('group.create.people')}
          </h2>
          <p role="status" className="sr-only">
            {notice ? t(`group.create.${notice.change}`, { name: notice.name }) : null}
          </p>
          {full ? (
            <Alert>{t('group.create.full', { max: MAX_GROUP_SIZE })}</Alert>
          ) : (
            <PersonSearch
              id={PEOPLE_ID}
              memberId={session.memberId}
              isIn={(memberId) => chosen.some((person) => person.id === memberId)}
              onAdd={add}
              error={problems.people}
            />
          )}
          <p className="text-slate-700">
            {chosen.length === 0
              ? t('group.create.noneChosen')
              : t('group.create.chosenCount', { count: chosen.length })}
          </p>
          {chosen.length > 0 ? (
            <ul aria-label={t('group.create.chosen')} className="flex flex-col gap-2">
              {chosen.map((person) => (
                <li
                  key={person.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3"
                >
                  <span className="flex min-w-0 flex-col">
                    <span className="break-words font-medium text-slate-900">{person.displayName}</span>
                    <span className="text-sm text-slate-700">
                      {[format.country(person.country), person.position].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={t('group.create.removeNamed', { name: person.displayName })}
                    onClick={() => remove(person)}
                  >
                    {t('group.create.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div>
          <Button type="submit" disabled={creating}>
            {creating ? t('group.create.creating') : t('group.create.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
