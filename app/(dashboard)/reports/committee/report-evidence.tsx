import { getLocale, getTranslations } from 'next-intl/server';
import { EvidenceList } from '@/components/updates/evidence-list';
import { placeText } from '@/components/updates/display';
import type { ReportEvidenceRow } from '@/types/meetings';

/**
 * The evidence behind the window's approved figures: each update's link and files (names link to the downloads,
 * which check the reader again). Printed in the PDF as the same list of names.
 */
export async function ReportEvidence({ evidence }: { evidence: { rows: ReportEvidenceRow[]; more: boolean } }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <section className="card" aria-labelledby="report-evidence">
      <h2 id="report-evidence">{t('evidence.reportTitle')}</h2>
      <p className="muted">{t('evidence.reportIntro')}</p>
      {evidence.rows.length === 0 ? (
        <p className="muted">{t('evidence.reportEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table data-report-evidence>
            <caption className="visually-hidden">{t('evidence.reportTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('updates.columns.indicator')}</th>
                <th scope="col">{t('updates.columns.period')}</th>
                <th scope="col">{t('updates.columns.place')}</th>
                <th scope="col">{t('evidence.column')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.rows.map((r) => (
                <tr key={r.updateId}>
                  <th scope="row">{r.indicatorCode}</th>
                  <td>
                    {r.periodStart} – {r.periodEnd}
                  </td>
                  <td>{placeText(t, locale, r) || t('updates.indicator.overall')}</td>
                  <td>
                    <EvidenceList url={r.evidenceUrl} files={r.files} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evidence.more ? <p className="muted">{t('evidence.reportMore')}</p> : null}
    </section>
  );
}
