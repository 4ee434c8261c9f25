import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { PackItems } from '@/components/meetings/pack-items';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/data/auth/session';
import { formatDate } from '@/lib/format';
import { loadMeeting } from '@/data/meetings';
import { loadPack, packParams, type PackParams } from '@/data/meetings-pack';
import { ReportContent } from '../../../reports/committee/report-content';
import '../../../reports/committee/report.css';

export async function generateMetadata() {
  const t = await getTranslations('meetings.pack');
  return { title: t('title') };
}

async function PackContent({ id, params }: { id: number; params: PackParams }) {
  await connection();
  const pack = await loadPack(id, params);
  const t = await getTranslations();
  if (!pack?.data) return <p className="card">{t('overview.noPlanBody')}</p>;
  const { report } = pack.data;
  return (
    <>
      <PackItems pack={pack} />
      <ReportContent
        params={{ since: report.since, asOf: report.asOf, knownOn: report.knownOn ?? undefined, plan: report.plan.year }}
        preloaded={pack.data}
        pdfHref={`/api/meetings/${id}/pack`}
        open="all"
      />
    </>
  );
}

/**
 * The pack for the next meeting, prepared from a meeting's page: the items recorded at it and whether they were
 * done, what moved on the indicators they concern, and the committee report since the meeting. Printable; the
 * PDF is this page printed (app/api/meetings/[id]/pack).
 */
export default async function PackPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('dashboard.read');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const meeting = await loadMeeting(id);
  if (!meeting) notFound();
  const query = packParams.parse(await searchParams);
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  const m = meeting.meeting;
  return (
    <article className="report pack">
      <p className="no-print">
        <Link href={`/meetings/${m.id}`}>{t('backTo', { title: m.title })}</Link>
      </p>
      <h1>{t('pack.title')}</h1>
      <p>{t('pack.intro', { title: m.title, date: formatDate(locale, m.heldOn) })}</p>
      <Suspense fallback={<SkeletonBlock label={t('pack.title')} height="40rem" />}>
        <PackContent id={id} params={query} />
      </Suspense>
    </article>
  );
}
