import '../i18n/register';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { useFormat } from '@web/lib/format';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { DeskQueueQuery } from '../api/desk';
import { actionsFor } from '../lib/member-actions';
import { useNow } from '../lib/use-now';
import { nameOf, useProfiles, type ProfileState, type ProfileSummary } from '../lib/use-profiles';
import { daysSince } from '../lib/vetting';
import { useDeskViewer } from '../lib/viewer';
import { DeskFailure } from './desk-failure';
import { Notice } from './notice';
import { ProfileFacts } from './profile-summary';
import { StatusBadge } from './status-badge';
import { ApproveDialog, RejectDialog } from './vet-dialogs';

type Waiting = DeskMemberFragment;

/** Lapsed: vetted once, the vetting over (the API queues them as pending until renewed). */
const lapsed = (member: Waiting, now: Date) =>
  member.status === 'VETTED' &&
  member.vettedUntil !== null &&
  Date.parse(member.vettedUntil) <= now.getTime();

/**
 * The vetting queue: applicants of the viewer's countries, oldest first, and members whose vetting lapsed, each with
 * what to check them by (agency, position, languages; the full profile a link away) and how long they have waited.
 * Approve (Renew, for a lapsed member) asks for the day the vetting ends and a reason; Reject, offered for applicants
 * only, for a reason. A decided row leaves the list at once and a notice says what was done.
 */
export function QueuePage() {
  const { t } = useTranslation('desk');
  const viewer = useDeskViewer();
  const now = useNow();
  const [{ data, error }, refetch] = useQuery({ query: DeskQueueQuery, requestPolicy: 'cache-and-network' });
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [deciding, setDeciding] = useState<{ kind: 'approve' | 'reject'; member: Waiting } | null>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const format = useFormat();
  const queue = useMemo(
    () => (data?.vettingQueue ?? []).filter((member) => !decided.has(member.id)),
    [data, decided],
  );
  const ids = useMemo(() => (data?.vettingQueue ?? []).map((member) => member.id), [data]);
  const profiles = useProfiles(ids);

  if (!data) {
    return (
      <Page title={t('queue.title')}>
        {error ? (
          <DeskFailure
            error={resultError(error)}
            title={t('failed')}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        ) : (
          <p role="status">{t('queue.loading')}</p>
        )}
      </Page>
    );
  }

  const decide = (member: Waiting, text: string) => {
    setDecided((current) => new Set([...current, member.id]));
    setNotice(text);
  };
  const nameOfMember = (member: Waiting) => nameOf(member, profiles.get(member.id));
  const chosen = deciding ? { id: deciding.member.id, name: nameOfMember(deciding.member) } : null;

  return (
    <Page title={t('queue.title')} intro={t('queue.intro')}>
      <Notice ref={noticeRef} text={notice} />
      {queue.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-800">{t('queue.empty')}</p>
      ) : (
        <>
          <h2 className="text-lg font-semibold text-slate-900">
            {t('queue.count', { count: queue.length })}
          </h2>
          <ul aria-label={t('queue.list')} className="flex flex-col gap-3">
            {queue.map((member) => (
              <QueueCard
                key={member.id}
                member={member}
                profile={profiles.get(member.id)}
                lapsed={lapsed(member, now)}
                now={now}
                profileState={profiles.state(member.id)}
                canApprove={actionsFor(viewer, member).some(
                  (action) => action === 'approve' || action === 'renew',
                )}
                canReject={actionsFor(viewer, member).includes('reject')}
                onApprove={() => setDeciding({ kind: 'approve', member })}
                onReject={() => setDeciding({ kind: 'reject', member })}
              />
            ))}
          </ul>
        </>
      )}
      <ApproveDialog
        member={deciding?.kind === 'approve' ? chosen : null}
        renew={deciding ? lapsed(deciding.member, now) : false}
        currentUntil={deciding?.member.vettedUntil ?? null}
        onClose={() => setDeciding(null)}
        focusAfterDone={() => noticeRef.current?.focus()}
        onDone={(member) =>
          decide(
            member,
            t('queue.approved', {
              name: nameOfMember(member),
              date: member.vettedUntil ? format.date(member.vettedUntil) : '',
            }),
          )
        }
      />
      <RejectDialog
        member={deciding?.kind === 'reject' ? chosen : null}
        onClose={() => setDeciding(null)}
        focusAfterDone={() => noticeRef.current?.focus()}
        onDone={(member) => decide(member, t('queue.rejected', { name: nameOfMember(member) }))}
      />
    </Page>
  );
}

/** One applicant: name, country, when they applied and for how long they have waited, their profile, the decisions. */
function QueueCard({
  member,
  profile,
  lapsed: isLapsed,
  now,
  profileState,
  canApprove,
  canReject,
  onApprove,
  onReject,
}: {
  member: Waiting;
  profile: ProfileSummary | undefined;
  lapsed: boolean;
  now: Date;
  profileState: ProfileState;
  canApprove: boolean;
  canReject: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation('desk');
  const format = useFormat();
  const name = nameOf(member, profile);
  const since = isLapsed && member.vettedUntil ? member.vettedUntil : member.createdAt;
  return (
    <li className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 break-words text-lg font-semibold text-slate-900">
          <Link to={`/desk/members/${member.id}`} className="text-brand-700 underline underline-offset-2">
            {name}
          </Link>
        </h3>
        <StatusBadge status={member.status} vettedUntil={member.vettedUntil} />
      </div>
      {profile?.nativeName ? (
        <p dir="auto" className="-mt-2 text-slate-700">
          {profile.nativeName}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-medium text-slate-800">{t('members.email')}</dt>
        <dd className="break-all text-slate-700">{member.email}</dd>
        <dt className="font-medium text-slate-800">{t('member.country')}</dt>
        <dd className="text-slate-700">
          {member.country ? format.country(member.country) : t('members.noCountry')}
        </dd>
        <dt className="font-medium text-slate-800">{t('queue.applied')}</dt>
        <dd className="text-slate-700">
          {format.date(member.createdAt)}
          {' · '}
          {isLapsed && member.vettedUntil
            ? t('queue.lapsedOn', { date: format.date(member.vettedUntil) })
            : t('queue.waiting', { count: daysSince(since, now) })}
        </dd>
      </dl>
      {profile ? (
        <>
          <ProfileFacts profile={profile} />
          <p className="text-sm">
            <Link to={`/directory/${member.id}`} className="text-brand-700 underline underline-offset-2">
              {t('queue.profile', { name })}
            </Link>
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {t(
            profileState === 'loading'
              ? 'queue.profileLoading'
              : profileState === 'failed'
                ? 'queue.profileFailed'
                : 'queue.noProfile',
          )}
        </p>
      )}
      {canApprove || canReject ? (
        <div className="flex flex-wrap gap-2">
          {canApprove ? (
            <Button
              type="button"
              onClick={onApprove}
              aria-label={t(isLapsed ? 'queue.renewNamed' : 'queue.approveNamed', { name })}
            >
              {t(isLapsed ? 'vet.renew' : 'queue.approve')}
            </Button>
          ) : null}
          {canReject ? (
            <Button
              type="button"
              variant="caution"
              onClick={onReject}
              aria-label={t('queue.rejectNamed', { name })}
            >
              {t('queue.reject')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
