import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { Link } from '@/components/ui/link';
import { connection } from 'next/server';
import { loadMap } from '@/data/charts-map';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { statusColour, WorldMap } from './world-map';
import type { MapCity } from '@/types/charts';

export async function MapContent({ region, cityId }: { region?: 'maritime' | 'continental'; cityId?: number }) {
  await connection();
  const [{ cities, selected, card }, t, locale] = await Promise.all([loadMap(region, cityId), getTranslations(), getLocale()]);
  const name = (c: { name: string; nameZh: string | null }) => localized(locale, c.name, c.nameZh).text;
  const status = (s: MapCity['status']) => t(`registries.values.cityStatus.${s}`);
  const hrefFor = (c: MapCity) => `/map?${new URLSearchParams({ ...(region ? { region } : {}), city: String(c.id) })}#city-card`;
  const markerLabel = (c: MapCity) =>
    t('dashboards.map.marker', { name: name(c), status: status(c.status), partnerships: c.partnerships, clusters: c.clusters });
  return (
    <>
      <form method="get" className="toolbar">
        <label>
          {t('dashboards.map.region')}{' '}
          <select name="region" defaultValue={region ?? ''}>
            <option value="">{t('dashboards.map.allRegions')}</option>
            <option value="maritime">{t('registries.values.region.maritime')}</option>
            <option value="continental">{t('registries.values.region.continental')}</option>
          </select>
        </label>
        <button type="submit">{t('overview.apply')}</button>
      </form>
      <section className="card" aria-labelledby="map-title">
        <h2 id="map-title" className="visually-hidden">{t('dashboards.map.title')}</h2>
        <p className="muted">{t('dashboards.map.howTo')}</p>
        <WorldMap cities={cities} label={t('dashboards.map.label')} hrefFor={hrefFor} markerLabel={markerLabel} selectedId={selected?.id} />
        <ul className="map-legend" aria-label={t('dashboards.map.legend')}>
          {(['active', 'engaged', 'prospective', 'inactive'] as const).map((s) => (
            <li key={s}>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="6" fill={statusColour[s]} />
              </svg>{' '}
              {status(s)}
            </li>
          ))}
          <li>{t('dashboards.map.sizeNote')}</li>
        </ul>
      </section>
      {selected && card ? (
        <section className="card" id="city-card" aria-labelledby="city-card-title" data-city-card={selected.id}>
          <h2 id="city-card-title">
            {name(selected)} · {selected.country}
          </h2>
          <p>
            {status(selected.status)} · {t(`registries.values.region.${selected.region}`)} ·{' '}
            <Link href={`/cities/${selected.id}`}>{t('dashboards.map.openRecord')}</Link>
          </p>
          <h3>{t('dashboards.map.history')}</h3>
          <ul>
            {card.history.map((h, i) => (
              <li key={i}>{`${formatDate(locale, h.changedOn)}: ${t(`registries.values.cityStatus.${h.status}`)}`}</li>
            ))}
          </ul>
          <h3>{t('dashboards.map.clusters')}</h3>
          {card.clusters.length === 0 ? <p className="muted">{t('dashboards.map.none')}</p> : (
            <ul>
              {card.clusters.map((k) => (
                <li key={k.id}>{`${name(k)} (${t(`registries.values.clusterStage.${k.stage}`)})`}</li>
              ))}
            </ul>
          )}
          <h3>{t('dashboards.map.requests')}</h3>
          {card.requests.length === 0 ? <p className="muted">{t('dashboards.map.none')}</p> : (
            <ul>
              {card.requests.map((r) => (
                <li key={r.id}>
                  {`${formatDate(locale, r.receivedOn)}: ${t(`registries.values.needCategory.${r.category}`)} — ${t(`registries.values.requestStatus.${r.status}`)}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="map-table-title">
        <h2 id="map-table-title">{t('dashboards.map.tableTitle')}</h2>
        <DataTable
          caption={t('dashboards.map.tableTitle')}
          head={
            <>
              <th scope="col">{t('dashboards.map.city')}</th>
              <th scope="col">{t('dashboards.map.country')}</th>
              <th scope="col">{t('dashboards.map.status')}</th>
              <th scope="col" className="num">{t('dashboards.map.partnerships')}</th>
              <th scope="col" className="num">{t('dashboards.map.clusters')}</th>
              <th scope="col" className="num">{t('dashboards.map.requests')}</th>
            </>
          }
        >
          {cities.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={hrefFor(c)}>{name(c)}</a>
                {c.latitude === null || c.longitude === null ? <div className="muted">{t('dashboards.map.notPlaced')}</div> : null}
              </th>
              <td>{c.country}</td>
              <td>{status(c.status)}</td>
              <td className="num">{c.partnerships}</td>
              <td className="num">{c.clusters}</td>
              <td className="num">{c.requests}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
