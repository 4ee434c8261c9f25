import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/data/auth/session';
import { MapContent } from './map-content';
import './map.css';

export async function generateMetadata() {
  const t = await getTranslations('dashboards.map');
  return { title: t('title') };
}

function one(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

/** The programme's cities on a world map: ?region=maritime|continental filters, ?city=ID opens a city's card. */
export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('dashboard.read');
  const query = await searchParams;
  const regionText = one(query.region);
  const region = regionText === 'maritime' || regionText === 'continental' ? regionText : undefined;
  const cityId = Number(one(query.city)) || undefined;
  const t = await getTranslations('dashboards.map');
  return (
    <>
      <h1>{t('title')}</h1>
      <Suspense fallback={<SkeletonBlock label={t('title')} height="36rem" />}>
        <MapContent region={region} cityId={cityId} />
      </Suspense>
    </>
  );
}
