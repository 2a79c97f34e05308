import '../i18n/register';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, type OperationResult } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { ApiError, resultError } from '@web/lib/api-error';
import { useFormat } from '@web/lib/format';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import {
  DeskIssueAccountResetMutation,
  DeskMemberDetailQuery,
  DeskMemberProfileQuery,
  DeskReinstateMemberMutation,
  DeskRevokeMemberMutation,
  DeskSuspendMemberMutation,
} from '../api/desk';
import { actionsFor, type DeskAction } from '../lib/member-actions';
import { useNow } from '../lib/use-now';
import { nameOf } from '../lib/use-profiles';
import { daysUntil, EXPIRY_WARNING_DAYS } from '../lib/vetting';
import { useDeskViewer } from '../lib/viewer';
import { ActionDialog } from './action-dialog';
import { DeskFailure } from './desk-failure';
import { Notice } from './notice';
import { OneTimeCode } from './one-time-code';
import { ProfileCorrection } from './profile-correction';
import { ProfileFacts } from './profile-summary';
import { RoleEditor } from './role-editor';
import { StatusBadge } from './status-badge';
import { ApproveDialog, RejectDialog } from './vet-dialogs';

type Member = DeskMemberFragment;
/** The actions that are one dialog: a reason, a confirmation, one mutation. */
type StatusAction = 'suspend' | 'reinstate' | 'revoke' | 'reset';
/** The reset code's panel: focus goes there once the code is issued. */
const RESET_CODE_ID = 'desk-reset-code';

/** A member's page: who they are, their profile, and what the viewer may do to them — nothing else is shown. */
export function MemberPage() {
  const { t } = useTranslation('desk');
  const { memberId = '' } = useParams();
  const location = useLocation();
  const search = (location.state as { search?: string } | null)?.search;
  const [{ data, error }, refetch] = useQuery({ query: DeskMemberDetailQuery, variables: { id: memberId } });
  const back = (
    <Link
      to={`/desk/members${search ? `?${search}` : ''}`}
      className="text-brand-700 underline underline-offset-2"
    >
      {t('member.back')}
    </Link>
  );

  if (!data) {
    const failure = resultError(error);
    if (!failure) {
      return (
        <Page title={t('members.title')} before={back}>
          <p role="status">{t('member.loading')}</p>
        </Page>
      );
    }
    if (failure.code === 'FORBIDDEN') {
      return <OutOfScope back={back} />;
    }
    return (
      <Page title={t('members.title')} before={back}>
        {failure.code === 'NOT_FOUND' ? (
          <Alert tone="info">{t('notFound')}</Alert>
        ) : (
          <DeskFailure
            error={failure}
            title={t('failed')}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        )}
      </Page>
    );
  }
  // Keyed by the member: another member's page starts with nothing open and no code shown.
  return <MemberDetail key={data.member.id} member={data.member} back={back} />;
}

/** The API refused the member: outside the viewer's countries. No action, only whom to ask. */
function OutOfScope({ back }: { back: ReactNode }) {
  const { t, i18n } = useTranslation('desk');
  const viewer = useDeskViewer();
  const format = useFormat();
  const countries = viewer.coordinatorCountries.map((code) => format.country(code));
  return (
    <Page title={t('outOfScope.title')} before={back}>
      <Alert tone="info">
        {countries.length > 0
          ? t('outOfScope.body', {
              countries: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(countries),
            })
          : t('outOfScope.noCountries')}
      </Alert>
    </Page>
  );
}

function MemberDetail({ member, back }: { member: Member; back: ReactNode }) {
  const { t, i18n } = useTranslation('desk');
  const { t: common } = useTranslation();
  const viewer = useDeskViewer();
  const format = useFormat();
  const now = useNow();
  const [profileResult] = useQuery({ query: DeskMemberProfileQuery, variables: { id: member.id } });
  const profile = profileResult.data?.practitioner;
  const name = nameOf(member, profile);
  const actions = actionsFor(viewer, member);
  const [open, setOpen] = useState<DeskAction | null>(null);
  const [notice, setNotice] = useState('');
  const [resetCode, setResetCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const list = (codes: readonly string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      codes.map((code) => format.country(code)),
    );
  const left = member.vettedUntil ? daysUntil(member.vettedUntil, now) : undefined;
  const done = (text: string) => {
    setNotice(text);
    setOpen(null);
  };
  const focusNotice = () => noticeRef.current?.focus();
  const has = (action: DeskAction) => actions.includes(action);
  const button = (action: DeskAction, label: string, variant: 'primary' | 'secondary' | 'caution') =>
    has(action) ? (
      <li key={action}>
        <Button
          type="button"
          variant={variant}
          aria-expanded={action === 'correct' || action === 'role' ? open === action : undefined}
          onClick={() =>
            setOpen(open === action && (action === 'correct' || action === 'role') ? null : action)
          }
        >
          {label}
        </Button>
      </li>
    ) : null;

  return (
    <Page title={name} before={back}>
      <Notice ref={noticeRef} text={notice} />
      {resetCode ? (
        <OneTimeCode
          id={RESET_CODE_ID}
          title={t('reset.done', { name })}
          code={resetCode.code}
          codeLabel={t('reset.code')}
          copy={{ label: t('reset.copy'), copied: t('reset.copied'), failed: t('reset.copyFailed') }}
        >
          <p className="font-medium">{t('reset.once')}</p>
          <p>{t('reset.expires', { date: format.dateTime(resetCode.expiresAt) })}</p>
          <p>{t('reset.how', { url: `${window.location.origin}/reset` })}</p>
        </OneTimeCode>
      ) : null}

      <section
        aria-labelledby="member-account"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="member-account" className="text-lg font-semibold text-slate-900">
          {t('member.details')}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)]">
          <dt className="font-medium text-slate-800">{t('member.status')}</dt>
          <dd>
            <StatusBadge status={member.status} vettedUntil={member.vettedUntil} />
          </dd>
          <dt className="font-medium text-slate-800">{t('member.email')}</dt>
          <dd className="break-all text-slate-700">{member.email}</dd>
          <dt className="font-medium text-slate-800">{t('member.country')}</dt>
          <dd className="text-slate-700">
            {member.country ? format.country(member.country) : t('members.noCountry')}
          </dd>
          <dt className="font-medium text-slate-800">{t('member.role')}</dt>
          <dd className="text-slate-700">{common(`roles.${member.role}`)}</dd>
          {member.role === 'COORDINATOR' ? (
            <>
              <dt className="font-medium text-slate-800">{t('member.scope')}</dt>
              <dd className="text-slate-700">{list(member.coordinatorCountries)}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-800">{t('member.applied')}</dt>
          <dd className="text-slate-700">{format.date(member.createdAt)}</dd>
          <dt className="font-medium text-slate-800">{t('member.vettedAt')}</dt>
          <dd className="text-slate-700">
            {member.vettedAt ? format.date(member.vettedAt) : t('member.never')}
          </dd>
          <dt className="font-medium text-slate-800">{t('member.vettedUntil')}</dt>
          <dd
            className={
              left !== undefined && left < EXPIRY_WARNING_DAYS
                ? 'font-semibold text-amber-900'
                : 'text-slate-700'
            }
          >
            {member.vettedUntil
              ? format.date(member.vettedUntil)
              : t(member.vettedAt ? 'member.noEnd' : 'member.never')}
            {left !== undefined && left < EXPIRY_WARNING_DAYS
              ? ` · ${left < 0 ? t('members.ended') : t('members.endsIn', { count: left })}`
              : ''}
          </dd>
        </dl>
      </section>

      <section
        aria-labelledby="member-profile"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="member-profile" className="text-lg font-semibold text-slate-900">
          {t('member.profileTitle')}
        </h2>
        {profile ? (
          <>
            {profile.nativeName ? (
              <p dir="auto" className="text-slate-800">
                {profile.nativeName}
              </p>
            ) : null}
            <ProfileFacts profile={profile} />
            <p className="text-sm text-slate-700">
              {t('member.confirmedAt')}:{' '}
              {profile.confirmedAt ? format.date(profile.confirmedAt) : t('member.never')}
            </p>
            {profile.stale ? <Alert tone="warning">{t('member.staleNote')}</Alert> : null}
            <p className="text-sm">
              <Link to={`/directory/${member.id}`} className="text-brand-700 underline underline-offset-2">
                {t('member.openProfile')}
              </Link>
            </p>
          </>
        ) : profileResult.error ? (
          <p className="text-slate-700">{t('member.noProfile')}</p>
        ) : (
          <p role="status">{t('member.loading')}</p>
        )}
      </section>

      <section aria-labelledby="member-actions" className="flex flex-col gap-3">
        <h2 id="member-actions" className="text-lg font-semibold text-slate-900">
          {t('member.actions')}
        </h2>
        {member.id === viewer.id ? (
          <p className="text-slate-700">{t('member.self')}</p>
        ) : actions.length === 0 ? (
          <p className="text-slate-700">
            {t(viewer.role !== 'ADMIN' && member.role !== 'MEMBER' ? 'member.staffOnly' : 'member.noActions')}
          </p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {button('approve', t('member.do.approve'), 'primary')}
            {button('reject', t('member.do.reject'), 'caution')}
            {button('renew', t('member.do.renew'), 'primary')}
            {button('reinstate', t('member.do.reinstate'), 'primary')}
            {profile ? button('correct', t('member.do.correct'), 'secondary') : null}
            {button('role', t('member.do.role'), 'secondary')}
            {button('reset', t('member.do.reset'), 'caution')}
            {button('suspend', t('member.do.suspend'), 'caution')}
            {button('revoke', t('member.do.revoke'), 'caution')}
          </ul>
        )}
      </section>

      {open === 'correct' && profile ? (
        <ProfileCorrection
          memberId={member.id}
          profile={profile}
          onCancel={() => setOpen(null)}
          onSaved={(saved) => {
            done(t('correct.saved', { name: saved.displayName }));
            focusNotice();
          }}
        />
      ) : null}
      {open === 'role' ? (
        <RoleEditor
          member={member}
          name={name}
          onCancel={() => setOpen(null)}
          onDone={(changed) => done(t('role.done', { name, role: common(`roles.${changed.role}`) }))}
          focusAfterDone={focusNotice}
        />
      ) : null}

      <ApproveDialog
        member={open === 'approve' || open === 'renew' ? { id: member.id, name } : null}
        renew={open === 'renew'}
        currentUntil={member.vettedUntil}
        onClose={() => setOpen(null)}
        focusAfterDone={focusNotice}
        onDone={(vetted) => {
          const date = vetted.vettedUntil ? format.date(vetted.vettedUntil) : '';
          done(t(open === 'renew' ? 'vet.renewed' : 'queue.approved', { name, date }));
        }}
      />
      <RejectDialog
        member={open === 'reject' ? { id: member.id, name } : null}
        onClose={() => setOpen(null)}
        focusAfterDone={focusNotice}
        onDone={() => done(t('queue.rejected', { name }))}
      />
      <StatusDialogs
        open={
          open === 'suspend' || open === 'reinstate' || open === 'revoke' || open === 'reset' ? open : null
        }
        memberId={member.id}
        name={name}
        onClose={() => setOpen(null)}
        focusAfterDone={(action) =>
          action === 'reset' ? document.getElementById(RESET_CODE_ID)?.focus() : focusNotice()
        }
        onDone={(action, code) => {
          if (action === 'reset' && code) {
            setResetCode(code);
            done('');
          } else {
            done(t(`${action as Exclude<StatusAction, 'reset'>}.done`, { name }));
          }
        }}
      />
    </Page>
  );
}

/** Suspend, reinstate, revoke, issue a reset code: each a reason and a confirmation, then its mutation. */
function StatusDialogs({
  open,
  memberId,
  name,
  onClose,
  onDone,
  focusAfterDone,
}: {
  open: StatusAction | null;
  memberId: string;
  name: string;
  onClose: () => void;
  onDone: (action: StatusAction, code?: { code: string; expiresAt: string }) => void;
  focusAfterDone: (action: StatusAction) => void;
}) {
  const { t } = useTranslation('desk');
  const [, suspend] = useMutation(DeskSuspendMemberMutation);
  const [, reinstate] = useMutation(DeskReinstateMemberMutation);
  const [, revoke] = useMutation(DeskRevokeMemberMutation);
  const [, reset] = useMutation(DeskIssueAccountResetMutation);
  // Closed, the dialog renders nothing: the default never shows.
  const action = open ?? 'suspend';
  /** The action last confirmed: the dialog has closed (`open` is null) by the time focus moves on. */
  const confirmed = useRef<StatusAction>(action);
  const run = async (reason: string): Promise<ApiError | undefined> => {
    confirmed.current = action;
    const input = { input: { memberId, reason } };
    const result: OperationResult =
      action === 'suspend'
        ? await suspend(input)
        : action === 'reinstate'
          ? await reinstate(input)
          : action === 'revoke'
            ? await revoke(input)
            : await reset(input);
    if (result.error || !result.data) {
      return resultError(result.error) ?? new ApiError('UNKNOWN');
    }
    const issued = (result.data as { issueAccountReset?: { code: string; expiresAt: string } })
      .issueAccountReset;
    onDone(action, issued);
    return undefined;
  };
  return (
    <ActionDialog
      open={open !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      tone={action === 'reinstate' ? 'primary' : 'danger'}
      title={t(`${action}.title`, { name })}
      description={t(`${action}.body`)}
      confirmLabel={t(`${action}.confirm`)}
      focusAfterDone={() => focusAfterDone(confirmed.current)}
      onConfirm={run}
    />
  );
}
