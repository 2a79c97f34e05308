import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import type { ContactKind } from '@web/lib/graphql/graphql';
import { HomeCoordinatorsQuery } from '../api/network';

const LINK = 'text-brand-700 underline underline-offset-2 break-words';

/** A channel as a link where the browser can act on it (mail, call); the value as text otherwise. */
function contactValue(kind: ContactKind, value: string) {
  switch (kind) {
    case 'EMAIL':
      return (
        <a href={`mailto:${value}`} className={LINK}>
          {value}
        </a>
      );
    case 'PHONE':
    case 'MOBILE':
      return (
        <a href={`tel:${value}`} className={LINK}>
          {value}
        </a>
      );
    case 'FAX':
    case 'TELEGRAM':
    case 'WHATSAPP':
    case 'SIGNAL':
    case 'OTHER':
      return <span className="break-words">{value}</span>;
  }
}

const kindText = (t: TFunction, kind: ContactKind) => t(`reference.contactKinds.${kind}`);

/**
 * What members wrote (names, positions, agencies, contact labels) is in a language the client does not know: `lang=""`
 * says so, so that neither a screen reader nor a check of the UI's language reads it as the UI's.
 *
 * The coordinators of the member's own country (the API gives only the contacts the viewer may see), each a link to
 * their profile in the directory.
 */
export function CoordinatorsSection({ country, memberId }: { country: string; memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, error, fetching }] = useQuery({ query: HomeCoordinatorsQuery, variables: { country } });
  const failure = resultError(error);
  const coordinators = data?.coordinators ?? [];
  return (
    <section aria-labelledby="coordinators-title" className="flex flex-col gap-3">
      <h2 id="coordinators-title" className="text-xl font-semibold text-slate-900">
        {t('home.coordinators.title', { country: format.country(country) })}
      </h2>
      {failure ? (
        <Alert tone="error">{errorText(t, failure)}</Alert>
      ) : fetching && !data ? (
        <p>{t('status.loading')}</p>
      ) : coordinators.length === 0 ? (
        <p className="text-slate-700">{t('home.coordinators.none')}</p>
      ) : (
        <>
          <p className="text-slate-700">{t('home.coordinators.intro')}</p>
          <ul className="flex flex-col gap-3">
            {coordinators.map((coordinator) => (
              <li key={coordinator.id} className="rounded-md border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  <Link to={`/directory/${coordinator.id}`} lang="" className={LINK}>
                    {coordinator.displayName}
                  </Link>
                  {coordinator.id === memberId ? (
                    <span className="font-normal text-slate-600"> ({t('home.coordinators.you')})</span>
                  ) : null}
                </h3>
                {coordinator.nativeName && coordinator.nativeName !== coordinator.displayName ? (
                  <p lang="" className="text-slate-700">
                    {coordinator.nativeName}
                  </p>
                ) : null}
                {coordinator.position || coordinator.agency ? (
                  <p lang="" className="text-sm text-slate-700">
                    {[coordinator.position, coordinator.agency?.name].filter(Boolean).join(', ')}
                  </p>
                ) : null}
                {coordinator.contacts.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{t('home.coordinators.noContacts')}</p>
                ) : (
                  <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                    {coordinator.contacts.map((contact) => (
                      <div key={`${contact.kind}:${contact.value}`} className="contents">
                        <dt className="text-slate-600">
                          {kindText(t, contact.kind)}
                          {contact.label ? <span lang=""> ({contact.label})</span> : null}
                        </dt>
                        <dd lang="">{contactValue(contact.kind, contact.value)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
