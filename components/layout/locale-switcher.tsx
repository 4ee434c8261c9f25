import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/locale-actions';
import { localeNames, locales } from '@/lib/i18n/config';
import { LocaleSelect } from './locale-select';

/** Works without JavaScript (select + button); with it, choosing a language submits at once. */
export async function LocaleSwitcher() {
  const [t, locale] = await Promise.all([getTranslations('locale'), getLocale()]);
  return (
    <form action={setLocaleAction} className="locale-switcher">
      <label htmlFor="locale-select" className="visually-hidden">
        {t('label')}
      </label>
      <LocaleSelect id="locale-select" current={locale} options={locales.map((value) => ({ value, label: localeNames[value] }))} />
      <noscript>
        <button type="submit" className="link-button">
          {t('apply')}
        </button>
      </noscript>
    </form>
  );
}
