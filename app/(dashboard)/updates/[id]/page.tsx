import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/updates/action-form';
import { CorrectionForm } from '@/components/updates/correction-form';
import { figureText, placeText } from '@/components/updates/display';
import { formatDateTime } from '@/lib/format';
import { requirePageUser } from '@/data/auth/session';
import { loadUpdateForCorrection } from '@/data/updates';
import { loadEvidence } from '@/data/evidence';
import { EvidenceList } from '@/components/updates/evidence-list';
import { MAX_EVIDENCE_FILES } from '@/lib/evidence/rules';
import { correctUpdateAction, previewCorrectionFlagsAction, removeEvidenceAction, requestWithdrawalAction, submitUpdateAction, withdrawUpdateAction } from './actions';
import { figureOf } from '@/lib/progress/reading';

export async function generateMetadata() {
  const t = await getTranslations('updates.correct');
  return { title: t('title') };
}

/** One update: correct it (with a reason), submit it if it is a draft or was returned, or withdraw it. */
export default async function UpdatePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('progress.log');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = await loadUpdateForCorrection(id);
  if (!row) notFound();
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  const { update: u, indicator } = row;
  const files = (await loadEvidence([u])).get(u.id) ?? [];
  const indicatorHref = `/indicators/${encodeURIComponent(indicator.code)}?plan=${row.plan.year}`;
  const place = placeText(t, locale, row);
  const initial: Record<string, string> = {
    value: u.value === null ? '' : String(u.value),
    numerator: u.numerator === null ? '' : String(u.numerator),
    denominator: u.denominator === null ? '' : String(u.denominator),
    milestone: u.value === null ? '' : u.value >= 1 ? 'yes' : 'no',
    note: u.note ?? '',
    evidenceUrl: u.evidenceUrl ?? '',
    reason: '',
  };
  const withdrawn = u.status === 'withdrawn';
  return (
    <>
      <p>
        <Link href={indicatorHref}>{t('updates.form.back', { code: indicator.code })}</Link>
      </p>
      <h1>{t('updates.correct.titleFor', { code: indicator.code, period: `${u.periodStart} – ${u.periodEnd}` })}</h1>
      <p>
        {indicator.name}
        {place ? ` · ${place}` : ''}
      </p>
      <p>
        {t('updates.correct.current', {
          value: figureText(t, locale, figureOf(u), indicator.valueKind, indicator.unit),
          status: t(`updates.status.${u.status}`),
          version: u.version,
        })}
      </p>
      {u.status === 'returned' && u.reviewComment ? (
        <p className="error-text">{t('updates.correct.returnedWith', { comment: u.reviewComment })}</p>
      ) : null}
      {withdrawn ? (
        <p className="muted">{t('updates.correct.withdrawnNote')}</p>
      ) : (
        <>
          {u.status === 'draft' || u.status === 'returned' ? (
            <section className="card" aria-labelledby="submit-title">
              <h2 id="submit-title">{t('updates.correct.submitTitle')}</h2>
              <ActionForm action={submitUpdateAction} hidden={{ updateId: u.id, version: u.version }} label={t('updates.correct.submit')} pendingLabel={t('updates.form.saving')} />
            </section>
          ) : null}
          <section className="card" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{t('evidence.attachedTitle')}</h2>
            <p className="muted">{t('evidence.attachedIntro', { max: MAX_EVIDENCE_FILES })}</p>
            <EvidenceList url={null} files={files} />
            {u.status !== 'approved' && files.length > 0 ? (
              <ul className="evidence-list">
                {files.map((f) => (
                  <li key={f.id}>
                    <ActionForm action={removeEvidenceAction} hidden={{ fileId: f.id }} label={t('evidence.removeLabel', { name: f.name })} pendingLabel={t('updates.form.saving')} />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section className="card" aria-labelledby="correct-title">
            <h2 id="correct-title">{t('updates.correct.title')}</h2>
            <CorrectionForm action={correctUpdateAction} previewFlags={previewCorrectionFlagsAction} updateId={u.id} version={u.version} kind={indicator.valueKind} unit={indicator.unit} initial={initial} indicatorHref={indicatorHref} attached={files.length} />
          </section>
          {u.status !== 'approved' ? (
            <section className="card" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t('updates.correct.withdrawTitle')}</h2>
              <p className="muted">{t('updates.correct.withdrawIntro')}</p>
              <ActionForm action={withdrawUpdateAction} hidden={{ updateId: u.id, version: u.version }} label={t('updates.correct.withdraw')} pendingLabel={t('updates.form.saving')}>
                <label>
                  {t('updates.correct.withdrawReason')}
                  <input name="reason" type="text" maxLength={1000} required />
                </label>
              </ActionForm>
            </section>
          ) : (
            // An approved update is counted: withdrawing it is asked for, and someone else decides.
            <section className="card" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t('updates.withdrawal.title')}</h2>
              {row.withdrawal ? (
                <p role="status">
                  {t('updates.withdrawal.pending', {
                    name: row.withdrawal.requesterName ?? t('updates.withdrawal.someone'),
                    date: formatDateTime(locale, row.withdrawal.request.requestedAt, timeZone),
                    reason: row.withdrawal.request.reason,
                  })}
                </p>
              ) : (
                <>
                  <p className="muted">{t('updates.withdrawal.intro')}</p>
                  <ActionForm action={requestWithdrawalAction} hidden={{ updateId: u.id, version: u.version }} label={t('updates.withdrawal.request')} pendingLabel={t('updates.form.saving')}>
                    <label>
                      {t('updates.withdrawal.reason')}
                      <input name="reason" type="text" maxLength={1000} required />
                    </label>
                  </ActionForm>
                </>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
