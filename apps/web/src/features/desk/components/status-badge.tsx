import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '@web/lib/graphql/graphql';
import { useNow } from '../lib/use-now';

const TONES: Record<MemberStatus | 'LAPSED', string> = {
  PENDING: 'border-amber-600 bg-amber-50 text-amber-950',
  VETTED: 'border-green-700 bg-green-50 text-green-900',
  REJECTED: 'border-slate-500 bg-slate-100 text-slate-900',
  SUSPENDED: 'border-red-700 bg-red-50 text-red-900',
  REVOKED: 'border-slate-700 bg-slate-800 text-white',
  LAPSED: 'border-amber-600 bg-amber-50 text-amber-950',
};

/**
 * A member's status in words (never by colour alone); a vetted member whose vetting ended reads as lapsed, as the API
 * treats them (pending until renewed).
 */
export function StatusBadge({ status, vettedUntil }: { status: MemberStatus; vettedUntil?: string | null }) {
  const { t } = useTranslation('desk');
  const now = useNow();
  const shown =
    status === 'VETTED' && vettedUntil && Date.parse(vettedUntil) <= now.getTime() ? 'LAPSED' : status;
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${TONES[shown]}`}>
      {t(`status.${shown}`)}
    </span>
  );
}
