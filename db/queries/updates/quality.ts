import { sql } from 'drizzle-orm';
import type { Period } from '@/lib/periods';
import { flagKey, qualityFlags, QUALITY_THRESHOLDS, type Flag, type FlagIndicator, type SeriesFacts } from '@/lib/quality/flags';
import type { Figures } from '@/lib/validation/updates';
import type { DbOrTx } from '../audit';
import { rowsOf } from './import-warnings';
import { figureOf, findPlanById, type Indicator, type Place } from './placement';
import { problem, type Problem, type UpdateRow } from './types';

/**
 * The one query behind the data-quality flags (lib/quality/flags.ts): for each value to judge — a new one on the
 * log form, the rows of an import chunk, the updates in the review queue — its series' recent figures, whether the
 * same figures were already reported for the period and place, and which earlier periods have something. Set-based
 * (a lateral look-up per subject down the series index), so a chunk or a queue page costs one round trip.
 */

export interface FlagSubject {
  indicatorId: number;
  cityId: number | null;
  clusterId: number | null;
  partnerId: number | null;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The update being judged, when it is stored (the queue, a correction): left out of its own facts. */
  exceptId?: number | null;
}

interface FactsRow {
  ord: number;
  recent: { periodEnd: string; figure: number | string }[] | string;
  dup: boolean;
  reported: string[] | string;
}

const json = <T>(x: T | string): T => (typeof x === 'string' ? (JSON.parse(x) as T) : x);

export async function seriesFacts(db: DbOrTx, subjects: FlagSubject[]): Promise<SeriesFacts[]> {
  if (subjects.length === 0) return [];
  const input = subjects.map((s, ord) => ({
    ord,
    indicator_id: s.indicatorId,
    city: s.cityId ?? 0,
    cluster: s.clusterId ?? 0,
    partner: s.partnerId ?? 0,
    pend: s.periodEnd,
    value: s.value,
    numerator: s.numerator,
    denominator: s.denominator,
    except_id: s.exceptId ?? 0,
  }));
  const series = sql.raw(`p.indicator_id = s.indicator_id and coalesce(p.city_id, 0) = s.city
    and coalesce(p.cluster_id, 0) = s.cluster and coalesce(p.partner_id, 0) = s.partner
    and p.status <> 'withdrawn' and p.id <> s.except_id`);
  const rows = await rowsOf<FactsRow>(
    db,
    sql`select s.ord,
          coalesce((
            select jsonb_agg(jsonb_build_object('periodEnd', r.period_end::text, 'figure', r.figure) order by r.period_end desc)
            from (
              select distinct on (p.period_end) p.period_end,
                coalesce(p.value, case when p.denominator > 0 then 100 * p.numerator / p.denominator end)::float8 as figure
              from progress_updates p
              where ${series} and p.period_end < s.pend
              order by p.period_end desc, p.id desc
              limit ${QUALITY_THRESHOLDS.recentPeriods}
            ) r where r.figure is not null
          ), '[]'::jsonb) as recent,
          exists (
            select 1 from progress_updates p
            where ${series} and p.period_end = s.pend and p.value is not distinct from s.value
              and p.numerator is not distinct from s.numerator and p.denominator is not distinct from s.denominator
          ) as dup,
          coalesce((
            select jsonb_agg(distinct p.period_end::text) from progress_updates p where ${series} and p.period_end < s.pend
          ), '[]'::jsonb) as reported
        from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          as s(ord int, indicator_id int, city int, cluster int, partner int, pend date, value numeric, numerator numeric,
               denominator numeric, except_id bigint)
        order by s.ord`,
  );
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return subjects.map((_, ord) => {
    const r = byOrd.get(ord);
    return {
      recent: r ? json(r.recent).map((x) => ({ periodEnd: x.periodEnd, figure: Number(x.figure) })) : [],
      duplicate: Boolean(r?.dup),
      reportedEnds: r ? json(r.reported) : [],
    };
  });
}

/** The flags of one new value (the log form and the API), as problems the reporter confirms with a note. */
export async function qualityWarnings(
  db: DbOrTx,
  input: { plan: { startDate: string; endDate: string }; indicator: FlagIndicator & { id: number }; place: Place; period: Period; figures: Figures; exceptId?: number },
): Promise<Problem[]> {
  const { plan, indicator, place, period, figures } = input;
  const [facts] = await seriesFacts(db, [
    {
      indicatorId: indicator.id,
      cityId: place.cityId ?? null,
      clusterId: place.clusterId ?? null,
      partnerId: place.partnerId ?? null,
      periodEnd: period.end,
      value: figures.value,
      numerator: figures.numerator,
      denominator: figures.denominator,
      exceptId: input.exceptId,
    },
  ]);
  return flagProblems(qualityFlags(indicator, { start: plan.startDate, end: plan.endDate }, period, figureOf(figures), facts!));
}

export const flagProblems = (flags: Flag[]): Problem[] => flags.map((f) => problem(flagKey(f.kind), f.values));

/** The flags of new figures for a stored update (a correction, and its preview), judged against the rest of its series. */
export async function correctionWarnings(db: DbOrTx, current: UpdateRow, indicator: Indicator, figures: Figures): Promise<Problem[]> {
  const plan = await findPlanById(db, indicator.planId);
  if (!plan) return [];
  return qualityWarnings(db, {
    plan,
    indicator,
    place: { cityId: current.cityId, clusterId: current.clusterId, partnerId: current.partnerId },
    period: { start: current.periodStart, end: current.periodEnd },
    figures,
    exceptId: current.id,
  });
}

/**
 * The flags of stored updates (the review queue), each judged against the rest of its series as it stands, by id.
 * Flags of the update's own entry are not kept: the reviewer sees what is unusual about the value now.
 */
export async function storedUpdateFlags(
  db: DbOrTx,
  plan: { startDate: string; endDate: string },
  rows: (FlagIndicator & FlagSubject & { id: number; periodStart: string })[],
): Promise<Map<number, Problem[]>> {
  const facts = await seriesFacts(db, rows.map((r) => ({ ...r, exceptId: r.id })));
  const planPeriod = { start: plan.startDate, end: plan.endDate };
  const out = new Map<number, Problem[]>();
  rows.forEach((r, i) => {
    const flags = qualityFlags(r, planPeriod, { start: r.periodStart, end: r.periodEnd }, figureOf(r), facts[i]!);
    if (flags.length > 0) out.set(r.id, flagProblems(flags));
  });
  return out;
}
