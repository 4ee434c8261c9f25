import { getTranslations } from 'next-intl/server';
import { htmlLang } from '@/lib/i18n/config';
import type { LocalizedText as Localized } from '@/lib/i18n/localized';

/** Shows a name in the user's language; a fallback is marked with its language (and `lang` for screen readers). */
export async function LocalizedText({ value }: { value: Localized }) {
  if (!value.fallback) return <>{value.text}</>;
  const t = await getTranslations('locale');
  return (
    <>
      <span lang={htmlLang[value.lang]}>{value.text}</span>
      <span className="fallback-lang">({t(`fallback.${value.lang}`)})</span>
    </>
  );
}
