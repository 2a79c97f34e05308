import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { CopyButton } from '@web/components/copy-button';
import type { ContactKind, DirectoryProfileQuery } from '@web/lib/graphql/graphql';

type Contact = DirectoryProfileQuery['practitioner']['contacts'][number];

const CALLABLE: readonly ContactKind[] = ['PHONE', 'MOBILE'];

/** The number as a tel: URI (digits and a leading +; the API stores E.164). */
const telHref = (value: string) => `tel:${value.replace(/[^\d+]/g, '')}`;

/**
 * The channels the API returned (only those the viewer may see), each with what can be done with it: call a phone,
 * write to an address, copy any of them. A channel for coordinators only says so.
 */
export function ProfileContacts({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) {
    return <p className="text-slate-700">{t('directory.profile.contacts.none')}</p>;
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-200">
      {contacts.map((contact, index) => {
        const kind = t(`directory.profile.contacts.kind.${contact.kind}`);
        return (
          <li
            key={`${contact.kind}-${contact.value}-${index}`}
            className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0"
          >
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <span className="text-sm font-medium text-slate-700">
                {kind}
                {contact.label ? (
                  <>
                    {' · '}
                    <bdi>{contact.label}</bdi>
                  </>
                ) : null}
              </span>
              {contact.visibility === 'COORDINATORS' ? (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">
                  {t('directory.profile.contacts.coordinatorsOnly')}
                </span>
              ) : null}
            </div>
            <p className="break-all text-lg font-medium text-slate-900">
              <bdi>{contact.value}</bdi>
            </p>
            <div className="flex flex-wrap items-start gap-2">
              {CALLABLE.includes(contact.kind) ? (
                <Button asChild variant="secondary">
                  <a
                    href={telHref(contact.value)}
                    aria-label={t('directory.profile.contacts.callLabel', { value: contact.value })}
                  >
                    {t('directory.profile.contacts.call')}
                  </a>
                </Button>
              ) : null}
              {contact.kind === 'EMAIL' ? (
                <Button asChild variant="secondary">
                  <a
                    href={`mailto:${contact.value}`}
                    aria-label={t('directory.profile.contacts.mailLabel', { value: contact.value })}
                  >
                    {t('directory.profile.contacts.mail')}
                  </a>
                </Button>
              ) : null}
              <CopyButton
                text={contact.value}
                label={t('directory.profile.contacts.copy')}
                aria-label={t('directory.profile.contacts.copyLabel', { kind, value: contact.value })}
                copiedMessage={t('directory.profile.contacts.copied')}
                failedMessage={t('directory.profile.contacts.copyFailed')}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
