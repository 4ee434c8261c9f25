import { getTranslations } from 'next-intl/server';

/** A record's fields as a description list. */
export async function RecordDetails({ items }: { items: [string, string][] }) {
  const t = await getTranslations('registries.detail');
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('details')}</h2>
      <dl data-testid="record-details">
        {items.map(([term, value]) => (
          <div key={term} style={{ display: 'flex', gap: '0.5rem' }}>
            <dt style={{ fontWeight: 600 }}>{term}:</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
