import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@web/i18n';

/** Two buttons, each labelled in its own language (so a reader of either can find theirs), the current one pressed. */
export function LanguageSwitcher({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="flex gap-1">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={i18n.language === locale}
          onClick={() => onChange(locale)}
          className={`min-h-11 rounded-md px-2.5 text-sm ${
            i18n.language === locale
              ? 'bg-slate-200 font-semibold text-slate-900'
              : 'text-slate-800 hover:bg-slate-100'
          }`}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
