import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { registries, type Registry } from '@/lib/validation/registries';

/** Links between the five registries; the current one is marked for assistive technology. */
export async function RegistryTabs({ current }: { current: Registry }) {
  const t = await getTranslations('registries');
  return (
    <nav aria-label={t('tabsLabel')} className="toolbar">
      {registries.map((r) => (
        <Link key={r} href={`/${r}`} aria-current={r === current ? 'page' : undefined} style={r === current ? { fontWeight: 700 } : undefined}>
          {t(`${r}.title`)}
        </Link>
      ))}
    </nav>
  );
}
