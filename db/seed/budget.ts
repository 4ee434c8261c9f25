import type { Db } from '../client';
import { budgetLines, budgetRevisions, expenditures, planBudgetSettings } from '../schema';
import { ADMIN, BEIJING, NEW_YORK, userId, type UserIds } from './users';

/**
 * The 2020 plan's budget (USD 1.2 million in six lines) and its expenditures from January to 10 November, made to
 * agree with the figures the M&E Officer reported for the budget utilisation rate (G5.2): USD 165,000 spent by
 * 31 March, 357,000 by 30 June (a Beijing office payment of 29 June was posted late, after the first report of
 * 337,000: it is back-dated, so the June figures include it), 645,000 by 30 September and 790,000 by 10 November — 65.8 % of the budget on the demo's as-of date. In August the
 * Committee's reprogramming moved USD 50,000 from travel to online training (two revisions, total unchanged).
 * Amounts are kept in whole cents (integers) while the seed splits them, and written as decimal text.
 */

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const LINES = [
  { code: 'B1', goal: 'G1', title: 'City engagement and partnerships', titleZh: '城市参与和伙伴关系', source: 'UN Fund for South-South Cooperation', amount: 220_000, spendShare: 150 },
  { code: 'B2', goal: 'G2', title: 'Sectoral city clusters', titleZh: '行业城市集群', source: 'Government of China (through CICETE)', amount: 260_000, spendShare: 170 },
  { code: 'B3', goal: 'G3', title: 'COVID-19 response support to cities', titleZh: '对城市的新冠疫情应对支持', source: 'Government of China (through CICETE)', amount: 300_000, spendShare: 240 },
  { code: 'B4', goal: 'G4', title: 'Online capacity development', titleZh: '在线能力建设', source: 'UN Fund for South-South Cooperation', amount: 150_000, spendShare: 110 },
  { code: 'B5', goal: 'G5', title: 'M&E, finance and liaison with CICETE', titleZh: '监测评估、财务及与中国国际经济技术交流中心的联络', source: 'UN Fund for South-South Cooperation', amount: 90_000, spendShare: 50 },
  { code: 'B6', goal: null, title: 'Programme management and travel', titleZh: '项目管理和差旅', source: 'UN Fund for South-South Cooperation', amount: 180_000, spendShare: 70 },
] as const;

const REVISIONS = [
  { code: 'B6', from: 180_000, to: 130_000, on: '2020-08-20', reason: 'Travel cancelled because of COVID-19; USD 50,000 reprogrammed to online training as the Committee recommended.' },
  { code: 'B4', from: 150_000, to: 200_000, on: '2020-08-20', reason: 'Online e-commerce and digital-innovation sessions scaled up with the travel savings.' },
] as const;

/** Spending of each month in USD, split over the lines, and the month's special entries (below). */
const MONTHS: [string, number, number][] = [
  ['2020-01', 48_000, 0], ['2020-02', 52_000, 0], ['2020-03', 65_000, 0], ['2020-04', 50_000, 0], ['2020-05', 58_000, 0], ['2020-06', 64_000, 20_000],
  ['2020-07', 75_000, 0], ['2020-08', 98_000, 0], ['2020-09', 102_500, 12_500], ['2020-10', 100_000, 0], ['2020-11', 45_000, 0],
];

/** The Beijing office pays some COVID-19 supplies in yuan: CNY 200 buys USD 29 at the rate used (0.145). */
const CNY_RATE = '0.145';

const text = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export async function insertBudget(tx: Tx, planId: number, goalIds: ReadonlyMap<string, number>, users: UserIds): Promise<void> {
  await tx.insert(planBudgetSettings).values({ planId, baseCurrency: 'USD' });
  const current = new Map<string, number>(LINES.map((l) => [l.code, l.amount]));
  for (const r of REVISIONS) current.set(r.code, r.to);
  const inserted = await tx
    .insert(budgetLines)
    .values(
      LINES.map((l) => ({
        planId,
        code: l.code,
        title: l.title,
        titleZh: l.titleZh,
        goalId: l.goal ? (goalIds.get(l.goal) ?? null) : null,
        fundingSource: l.source,
        amount: text(current.get(l.code)! * 100),
        currency: 'USD',
      })),
    )
    .returning({ id: budgetLines.id, code: budgetLines.code });
  const lineId = new Map(inserted.map((l) => [l.code, l.id]));
  await tx.insert(budgetRevisions).values(
    REVISIONS.map((r) => ({ lineId: lineId.get(r.code)!, oldAmount: text(r.from * 100), newAmount: text(r.to * 100), effectiveOn: r.on, reason: r.reason, revisedBy: userId(users, ADMIN) })),
  );

  const ny = userId(users, NEW_YORK);
  const beijing = userId(users, BEIJING);
  const rows: (typeof expenditures.$inferInsert)[] = [];
  const shareTotal = LINES.reduce((s, l) => s + l.spendShare, 0);
  let ref = 1;
  for (const [month, usd] of MONTHS) {
    const days = month === '2020-11' ? ['03', '10'] : ['10', '24'];
    let left = usd * 100;
    LINES.forEach((line, i) => {
      const cents = i === LINES.length - 1 ? left : Math.floor((usd * 100 * line.spendShare) / shareTotal / 100) * 100;
      left -= cents;
      const first = Math.floor((cents * 6) / 10 / 100) * 100;
      const parts: [string, number][] = [[days[0]!, first], [days[1]!, cents - first]];
      for (const [day, partCents] of parts) {
        const base = { planId, lineId: lineId.get(line.code)!, spentOn: `${month}-${day}`, reference: `UNOSSC-2020-${String(ref++).padStart(4, '0')}` };
        // Part of the COVID-19 line is paid in yuan, in a whole number of CNY 200 (USD 29) steps.
        const yuanUsdCents = line.code === 'B3' && day === days[1] ? Math.floor(partCents / 2900) * 2900 : 0;
        if (yuanUsdCents > 0) {
          rows.push({ ...base, amount: text((yuanUsdCents / 29) * 200), currency: 'CNY', rate: CNY_RATE, description: `${line.title}: supplies bought by the Beijing project office`, recordedBy: beijing });
        }
        if (partCents - yuanUsdCents > 0) {
          rows.push({ ...base, amount: text(partCents - yuanUsdCents), currency: 'USD', rate: '1', description: `${line.title}: ${month} payments`, recordedBy: ny });
        }
      }
    });
  }
  await tx.insert(expenditures).values(rows);

  // Posted on 24 July, paid on 29 June: the back-dated payment behind G5.2's corrected second-quarter figure.
  await tx.insert(expenditures).values({
    planId, lineId: lineId.get('B6')!, spentOn: '2020-06-29', amount: '20000.00', currency: 'USD', description: 'Beijing project office running costs',
    reference: 'UNOSSC-2020-BJ-0617', recordedBy: beijing, createdAt: new Date('2020-07-24T09:00:00Z'),
  });
  // A payment first charged to the wrong line, corrected: both versions stay, only the current one counts.
  const [wrong] = await tx
    .insert(expenditures)
    .values({
      planId, lineId: lineId.get('B2')!, spentOn: '2020-09-15', amount: '12500.00', currency: 'USD', description: 'Partnership forum with Maritime Silk Road cities (online)',
      reference: 'UNOSSC-2020-0915-PF', recordedBy: ny, createdAt: new Date('2020-09-16T09:00:00Z'), supersededAt: new Date('2020-10-02T09:00:00Z'),
    })
    .returning({ id: expenditures.id });
  await tx.insert(expenditures).values({
    planId, lineId: lineId.get('B1')!, spentOn: '2020-09-15', amount: '12500.00', currency: 'USD', description: 'Partnership forum with Maritime Silk Road cities (online)',
    reference: 'UNOSSC-2020-0915-PF', replacesId: wrong!.id, correctionReason: 'Charged to the clusters line by mistake; the forum belongs to city engagement and partnerships.',
    recordedBy: ny, createdAt: new Date('2020-10-02T09:00:00Z'),
  });
}
