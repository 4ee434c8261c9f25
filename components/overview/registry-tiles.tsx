import { getLocale, getTranslations } from 'next-intl/server';
import type { OverviewTiles } from '@/types/overview';
import { formatDate, formatNumber } from '@/lib/format';
import { SkeletonBlock } from '@/components/ui/skeleton';

const TILES = ['citiesEngaged', 'partnerships', 'clustersFunctional', 'requestsResponded'] as const;

/** Cities engaged, partnerships, clusters functional and COVID-19 requests responded, for the same view. */
export async function RegistryTiles({ data }: { data: OverviewTiles }) {
  const [t, locale] = await Promise.all([getTranslations('dashboards.overview'), getLocale()]);
  if (!data) return null;
  return (
    <section aria-labelledby="registry-tiles-title">
      <h2 id="registry-tiles-title">{t('tilesTitle', { date: formatDate(locale, data.asOf) })}</h2>
      <ul className="tiles">
        {TILES.map((key) => (
          <li key={key} className="tile" data-tile={key}>
            <span className="tile-value">{formatNumber(locale, data.tiles[key])}</span>
            <span>{t(`tiles.${key}`)}</span>
            {key === 'requestsResponded' ? (
              <span className="muted tile-note">{t('tiles.since', { date: formatDate(locale, data.from) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function RegistryTilesSkeleton() {
  const t = await getTranslations('dashboards.overview');
  return <SkeletonBlock label={t('tilesLoading')} height="7.5rem" />;
}
