import { getLocale, getTranslations } from 'next-intl/server';
import type { PlanDetailIndicator } from '@/types/plans';
import type { TargetHistory } from '@/types/plans';
import { formatDate, formatDateTime, formatValue } from '@/lib/format';
import { SdgTagsLines } from './sdg-tags-lines';
import { DataTable } from '@/components/ui/data-table';

/**
 * The indicator definition sheet: what the indicator measures and how, its baseline and targets, the
 * milestones as endorsed and as in force now, and every target revision with who made it and why.
 */
export async function IndicatorSheet({
  indicator: i,
  history,
  goal,
}: {
  indicator: PlanDetailIndicator;
  history: TargetHistory;
  goal: { code: string; sdgTags: string[] };
}) {
  const [t, tAll, locale] = await Promise.all([getTranslations('plans'), getTranslations(), getLocale()]);
  const value = (v: number) => formatValue(locale, v, i.valueKind, i.unit);
  const text = (v: string | null) => (v ? <p style={{ whiteSpace: 'pre-line', margin: 0 }}>{v}</p> : <p className="muted">{t('sheet.notGiven')}</p>);
  const facts: [string, string][] = [
    [t('indicator.fields.unit'), i.unit],
    [t('indicator.fields.valueKind'), t(`indicator.valueKind.${i.valueKind}`)],
    [t('indicator.fields.accumulation'), t(`indicator.accumulation.${i.accumulation}`)],
    [t('indicator.fields.direction'), t(`indicator.direction.${i.direction}`)],
    [t('indicator.fields.baselineValue'), `${value(i.baselineValue)} (${formatDate(locale, i.baselineDate)})`],
    [t('indicator.fields.targetValue'), `${value(i.targetValue)} (${formatDate(locale, i.targetDate)})`],
    [t('indicator.fields.frequency'), t(`indicator.frequency.${i.frequency}`)],
    [t('indicator.fields.owner'), i.ownerName ?? t('none')],
    [t('indicator.fields.source'), t(`indicator.source.${i.source}`)],
    [t('indicator.fields.disaggregations'), i.disaggregations.map((d) => t(`indicator.disaggregation.${d}`)).join(', ') || t('none')],
  ];
  const original = new Map(history.original.milestones.map((m) => [m.periodEnd, m.target]));
  const revised = history.revisions.length > 0;
  return (
    <>
      <section className="card" aria-labelledby="sheet-facts">
        <h2 id="sheet-facts">{t('sheet.facts')}</h2>
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.3rem 1rem', margin: 0 }}>
          {facts.map(([label, v]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt className="muted">{label}</dt>
              <dd style={{ margin: 0 }}>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="sheet-definition">
        <h2 id="sheet-definition">{t('indicator.sections.definition')}</h2>
        {(['definition', 'meansOfVerification', 'collectionMethod', 'targetRationale'] as const).map((k) => (
          <div key={k}>
            <h3>{t(`indicator.fields.${k}`)}</h3>
            {text(i[k])}
          </div>
        ))}
        <div>
          <h3>{tAll('sdg.title')}</h3>
          <SdgTagsLines own={i.sdgTags} goal={goal.sdgTags} goalCode={goal.code} locale={locale} t={tAll} />
        </div>
      </section>
      <section className="card" aria-labelledby="sheet-milestones">
        <h2 id="sheet-milestones">{t('sheet.milestones')}</h2>
        {history.current.milestones.length === 0 ? (
          <p className="muted">{t('sheet.noMilestones')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sheet.period')}</th>
                {revised ? <th scope="col" className="num">{t('sheet.original')}</th> : null}
                <th scope="col" className="num">{t('sheet.target')}</th>
              </tr>
            </thead>
            <tbody>
              {history.current.milestones.map((m) => (
                <tr key={m.periodEnd}>
                  <th scope="row">{formatDate(locale, m.periodEnd)}</th>
                  {revised ? <td className="num">{value(original.get(m.periodEnd) ?? m.target)}</td> : null}
                  <td className="num">{value(m.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="sheet-revisions" data-testid="target-revisions">
        <h2 id="sheet-revisions">{t('sheet.revisions')}</h2>
        <DataTable
          empty={!revised && t('sheet.noRevisions')}
          head={
            <>
              <th scope="col">{t('sheet.revisionColumns.effectiveOn')}</th>
              <th scope="col">{t('sheet.revisionColumns.target')}</th>
              <th scope="col">{t('sheet.revisionColumns.change')}</th>
              <th scope="col">{t('sheet.revisionColumns.reason')}</th>
              <th scope="col">{t('sheet.revisionColumns.by')}</th>
              <th scope="col">{t('sheet.revisionColumns.recorded')}</th>
            </>
          }
        >
          {[...history.revisions].reverse().map((r) => (
            <tr key={r.id}>
              <td>{formatDate(locale, r.effectiveOn)}</td>
              <td>{r.period ? t('sheet.periodTarget', { end: formatDate(locale, r.period.end) }) : t('sheet.finalTargetLabel')}</td>
              <td>{t('sheet.change', { old: value(r.oldValue), new: value(r.newValue) })}</td>
              <td style={{ whiteSpace: 'pre-line' }}>{r.reason}</td>
              <td>{r.revisedBy ?? t('sheet.unknownUser')}</td>
              <td>{formatDateTime(locale, r.recordedAt)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
