import type { DerivationKey } from '../../lib/derivations';
import { periodsBetween, type Frequency } from '../../lib/periods';
import type { Db } from '../client';
import { goals, indicators, indicatorTargets, workPlans } from '../schema';
import { BEIJING, NEW_YORK, STAFF, userId, type UserIds } from './users';

// The 2020 work plan endorsed by the Steering Committee on 7 May 2020 (see context/2020-steering-committee-news.txt),
// with indicators, end-2019 baselines, final targets and quarterly milestones. Demo data: figures are illustrative.

export const PLAN_2020 = {
  year: 2020,
  title: '2020 work plan (demo data)',
  titleZh: '2020年工作计划（演示数据）',
  status: 'endorsed',
  startDate: '2020-01-01',
  endDate: '2020-12-31',
  endorsedOn: '2020-05-07',
} as const;

export const BASELINE_DATE = '2019-12-31';
export const TARGET_DATE = '2020-12-31';

export interface GoalSeed {
  code: string;
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
}

export const GOALS_2020: readonly GoalSeed[] = [
  {
    code: 'G1',
    title: 'More cities engaged and partnerships developed',
    titleZh: '更多城市参与项目，伙伴关系得到发展',
    description:
      "Engage more Maritime and Continental Silk Road cities and develop partnerships, including reactivating inactive partners and linking with the national partner agency's existing partners.",
    descriptionZh: '吸引更多海上和陆上丝绸之路城市参与项目并发展伙伴关系，包括重新激活不活跃的合作伙伴，并与国家合作机构的现有合作伙伴建立联系。',
  },
  {
    code: 'G2',
    title: 'Sectoral city clusters established and functional',
    titleZh: '行业城市集群建立并有效运作',
    description:
      'Group cities by sector (e-commerce, tourism, urban health, ports, heritage) into clusters that agree a joint work plan and carry out joint activities.',
    descriptionZh: '按行业（电子商务、旅游、城市卫生、港口、文化遗产）将城市组成集群，商定联合工作计划并开展联合活动。',
  },
  {
    code: 'G3',
    title: "City partners' COVID-19-related needs responded to and supported",
    titleZh: '回应并支持城市伙伴与新冠肺炎疫情相关的需求',
    description:
      "Respond promptly to city partners' requests for COVID-19 support (supplies, knowledge exchange, economic recovery, digital services) and mobilise resources for them.",
    descriptionZh: '及时回应城市伙伴在新冠肺炎疫情方面的支持请求（物资、知识交流、经济复苏、数字服务），并为其调动资源。',
  },
  {
    code: 'G4',
    title: 'Online capacity development on e-commerce and digital innovation',
    titleZh: '开展电子商务和数字创新在线能力建设',
    description:
      "Added on the Steering Committee's recommendation: online trainings for city officials and businesses on e-commerce and digital innovation.",
    descriptionZh: '根据指导委员会的建议新增：面向城市官员和企业开展电子商务和数字创新在线培训。',
  },
  {
    code: 'G5',
    title: 'Supporting commitments: M&E, finance and work with the national partner agency',
    titleZh: '支持性承诺：监测评估、财务以及与国家合作机构的合作',
    description:
      'An enhanced monitoring-and-evaluation plan, sound financial status and budget utilisation, and regular working-level meetings with the national partner agency (CICETE).',
    descriptionZh: '实施强化的监测与评估计划，保持良好的财务状况和预算执行，并与国家合作机构（中国国际经济技术交流中心）定期举行工作层会议。',
  },
];

type ValueKind = 'count' | 'percent' | 'currency' | 'milestone';
type Accumulation = 'non_cumulative' | 'cumulative' | 'snapshot';
type Disaggregation = 'city' | 'cluster' | 'partner';

export interface IndicatorSeed {
  code: string;
  goal: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  unit: string;
  valueKind: ValueKind;
  accumulation: Accumulation;
  direction: 'increase' | 'decrease';
  baseline: number;
  target: number;
  frequency: Frequency;
  owner: string;
  disaggregations: Disaggregation[];
  definition: string;
  meansOfVerification: string;
  collectionMethod: string;
  targetRationale: string;
  /** One per reporting period in order: what it adds (non_cumulative) or the level at its end (others). */
  milestones: number[];
}

type Sheet = Pick<IndicatorSeed, 'definition' | 'meansOfVerification' | 'collectionMethod' | 'targetRationale'>;
const sheet = (definition: string, meansOfVerification: string, collectionMethod: string, targetRationale: string): Sheet => ({
  definition,
  meansOfVerification,
  collectionMethod,
  targetRationale,
});
const Q = 'quarterly' as const;

export const INDICATORS_2020: readonly IndicatorSeed[] = [
  { code: 'G1.1', goal: 'G1', name: 'Cities engaged with the project', nameZh: '参与项目的城市数量',
    description: 'Silk Road cities currently engaged or active in the project.', descriptionZh: '目前参与或积极参与项目的丝绸之路城市。',
    unit: 'cities', valueKind: 'count', accumulation: 'snapshot', direction: 'increase', baseline: 14, target: 22, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [15, 17, 19, 22],
    ...sheet('Number of cities whose registry status is engaged or active on the last day of the period; inactive cities are not counted.',
      'City registry and status history; letters of intent or MoUs on file.', 'M&E Officer counts from the city registry at quarter end.',
      'Eight more cities in the year, building on 2019 needs-assessment contacts and re-engaging lapsed cities.') },
  { code: 'G1.2', goal: 'G1', name: 'New partnership agreements signed in 2020', nameZh: '2020年新签署的伙伴关系协议数量',
    description: 'Agreements (MoUs, letters of intent) signed with new partners since 1 January 2020.', descriptionZh: '自2020年1月1日起与新伙伴签署的协议（谅解备忘录、意向书）。',
    unit: 'agreements', valueKind: 'count', accumulation: 'cumulative', direction: 'increase', baseline: 0, target: 8, frequency: Q,
    owner: BEIJING, disaggregations: ['partner'], milestones: [1, 3, 5, 8],
    ...sheet('Running total of partnership agreements signed with organisations that were not partners before 2020, by partner.',
      'Signed agreements filed in the partnership folder.', 'Project Officer reports each new agreement when signed.',
      'Two agreements a quarter once travel restrictions eased, weighted to the second half.') },
  { code: 'G1.3', goal: 'G1', name: 'Inactive partners re-engaged', nameZh: '重新参与的不活跃伙伴数量',
    description: 'Partners inactive at the end of 2019 that resumed joint work in 2020.', descriptionZh: '2019年底不活跃、2020年恢复合作的伙伴。',
    unit: 'partners', valueKind: 'count', accumulation: 'cumulative', direction: 'increase', baseline: 0, target: 4, frequency: Q,
    owner: BEIJING, disaggregations: ['partner'], milestones: [0, 1, 2, 4],
    ...sheet('Running total of partners whose registry status changed from inactive to reactivated during 2020, by partner.',
      'Partner registry status history; correspondence confirming a joint activity.', 'Project Officer reports each reactivation.',
      "Four of the six inactive partners, following the reactivation approach the national partner agency proposed at the Committee.") },
  { code: 'G1.4', goal: 'G1', name: "Partnerships established through CICETE's existing partners", nameZh: '通过中国国际经济技术交流中心现有伙伴建立的合作关系',
    description: 'New partners introduced by the national partner agency from its own network.', descriptionZh: '由国家合作机构从其自身网络引荐的新伙伴。',
    unit: 'partners', valueKind: 'count', accumulation: 'cumulative', direction: 'increase', baseline: 0, target: 3, frequency: Q,
    owner: BEIJING, disaggregations: ['partner'], milestones: [0, 0, 1, 3],
    ...sheet("Running total of agreements signed with organisations introduced by CICETE from its existing partners, by partner.",
      'Introduction letters from CICETE and the signed agreements.', 'Project Officer reports after each working-level meeting.',
      'Committee recommendation of 7 May 2020; first introductions expected after the summer.') },
  { code: 'G2.1', goal: 'G2', name: 'Sectoral city clusters established', nameZh: '已建立的行业城市集群数量',
    description: 'Clusters at the established or functional stage.', descriptionZh: '处于已建立或有效运作阶段的集群。',
    unit: 'clusters', valueKind: 'count', accumulation: 'snapshot', direction: 'increase', baseline: 3, target: 5, frequency: Q,
    owner: STAFF, disaggregations: [], milestones: [3, 4, 5, 5],
    ...sheet('Number of clusters whose stage is established or functional on the last day of the period.',
      'Cluster registry; founding meeting notes with the member cities.', 'Staff count from the cluster registry at quarter end.',
      'E-commerce and urban-health clusters, both proposed by cities in early 2020, established by the third quarter.') },
  { code: 'G2.2', goal: 'G2', name: 'Clusters functional', nameZh: '有效运作的集群数量',
    description: 'Clusters with an agreed joint work plan and at least one joint activity held.', descriptionZh: '已商定联合工作计划并至少开展一次联合活动的集群。',
    unit: 'clusters', valueKind: 'count', accumulation: 'snapshot', direction: 'increase', baseline: 1, target: 3, frequency: Q,
    owner: STAFF, disaggregations: [], milestones: [1, 1, 2, 3],
    ...sheet('Number of clusters at the functional stage on the last day of the period.',
      'Joint work plans and activity reports of each cluster.', 'Staff count from the cluster registry at quarter end.',
      'Tourism and e-commerce clusters to become functional in the second half of the year.') },
  { code: 'G2.3', goal: 'G2', name: 'City memberships in sectoral clusters', nameZh: '行业集群中的城市成员数',
    description: 'Cities taking part in clusters; a city in two clusters counts twice.', descriptionZh: '参与集群的城市；同时参与两个集群的城市计为两次。',
    unit: 'memberships', valueKind: 'count', accumulation: 'snapshot', direction: 'increase', baseline: 16, target: 35, frequency: Q,
    owner: STAFF, disaggregations: ['cluster'], milestones: [18, 22, 27, 35],
    ...sheet('Number of current member cities of each cluster on the last day of the period, summed over clusters.',
      'Cluster membership list with joining and leaving dates.', 'Staff report each cluster\'s membership at quarter end.',
      'About five new members per cluster over the year, mostly in e-commerce and urban health.') },
  { code: 'G3.1', goal: 'G3', name: 'COVID-19 support requests responded to', nameZh: '已回应的新冠肺炎支持请求数量',
    description: 'City requests for COVID-19 support to which the project gave a substantive response.', descriptionZh: '项目已作出实质性回应的城市新冠肺炎支持请求。',
    unit: 'requests', valueKind: 'count', accumulation: 'non_cumulative', direction: 'increase', baseline: 0, target: 18, frequency: Q,
    owner: NEW_YORK, disaggregations: ['city'], milestones: [2, 6, 6, 4],
    ...sheet('Number of requests with a response date in the period, by requesting city.',
      'Support request registry; response letters and delivery notes.', 'M&E Officer counts from the request registry each quarter.',
      'Expected demand from needs-assessment calls in March–April 2020, peaking in the second and third quarters.') },
  { code: 'G3.2', goal: 'G3', name: '% of COVID-19 requests responded to within 30 days', nameZh: '30天内回应的新冠肺炎支持请求比例',
    description: 'Of the requests responded to since January, the share answered within 30 days of receipt.', descriptionZh: '自1月以来已回应的请求中，在收到后30天内作出回应的比例。',
    unit: '%', valueKind: 'percent', accumulation: 'cumulative', direction: 'increase', baseline: 60, target: 85, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [65, 70, 78, 85],
    ...sheet('Numerator: requests responded to within 30 days since 1 January; denominator: all requests responded to since 1 January.',
      'Support request registry (received and responded dates).', 'M&E Officer computes from the registry at quarter end.',
      '2019 city requests were answered within 30 days 60% of the time; a response desk in Beijing is to raise this.') },
  { code: 'G3.3', goal: 'G3', name: 'Average days to respond to a COVID-19 support request', nameZh: '回应新冠肺炎支持请求的平均天数',
    description: 'Mean number of days from receipt to response, for requests responded to in the period.', descriptionZh: '本期已回应请求从收到到回应的平均天数。',
    unit: 'days', valueKind: 'count', accumulation: 'snapshot', direction: 'decrease', baseline: 40, target: 20, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [35, 30, 25, 20],
    ...sheet('Mean of (response date − received date) in days over requests with a response date in the period, rounded to one decimal.',
      'Support request registry.', 'M&E Officer computes from the registry at quarter end.',
      'Halve the 2019 average of 40 days by the end of the year.') },
  { code: 'G3.4', goal: 'G3', name: 'Value of COVID-19 support mobilised for cities', nameZh: '为城市调动的新冠肺炎支持价值',
    description: 'Cash and in-kind support (at cost) mobilised from partners for city partners.', descriptionZh: '从合作伙伴处为城市伙伴调动的现金和实物支持（按成本计）。',
    unit: 'USD', valueKind: 'currency', accumulation: 'non_cumulative', direction: 'increase', baseline: 0, target: 500000, frequency: Q,
    owner: BEIJING, disaggregations: ['partner'], milestones: [50000, 150000, 150000, 150000],
    ...sheet('US dollars of support committed in the period, by contributing partner; in-kind support valued at cost.',
      'Commitment letters, delivery receipts, partner financial statements.', 'Project Officer reports each commitment when confirmed.',
      'Resource mobilisation plan presented to the Committee on 7 May 2020.') },
  { code: 'G4.1', goal: 'G4', name: 'Online e-commerce and digital-innovation training sessions held', nameZh: '举办的电子商务和数字创新在线培训场次',
    description: 'Online training sessions for city officials and businesses.', descriptionZh: '面向城市官员和企业的在线培训场次。',
    unit: 'sessions', valueKind: 'count', accumulation: 'non_cumulative', direction: 'increase', baseline: 0, target: 8, frequency: Q,
    owner: BEIJING, disaggregations: [], milestones: [0, 2, 3, 3],
    ...sheet('Number of online sessions on e-commerce or digital innovation held in the period.',
      'Activity registry; agendas, recordings and attendance lists.', 'Project Officer reports after each session.',
      'Added at the Committee meeting; the first sessions could be organised in June.') },
  { code: 'G4.2', goal: 'G4', name: 'Participants trained online', nameZh: '在线培训参训人数',
    description: 'Participants attending the online e-commerce and digital-innovation trainings.', descriptionZh: '参加电子商务和数字创新在线培训的人数。',
    unit: 'participants', valueKind: 'count', accumulation: 'non_cumulative', direction: 'increase', baseline: 0, target: 600, frequency: Q,
    owner: BEIJING, disaggregations: ['city'], milestones: [0, 150, 225, 225],
    ...sheet('Number of participants attending online sessions held in the period, by the city they work in.',
      'Attendance lists exported from the online platform.', 'Project Officer reports per session and city.',
      'About 75 participants per session.') },
  { code: 'G4.3', goal: 'G4', name: 'Share of women among online training participants', nameZh: '在线培训参训人员中的女性比例',
    description: 'Women as a share of all online training participants since January.', descriptionZh: '自1月以来所有在线培训参训人员中女性所占比例。',
    unit: '%', valueKind: 'percent', accumulation: 'cumulative', direction: 'increase', baseline: 40, target: 50, frequency: 'semiannual',
    owner: STAFF, disaggregations: [], milestones: [45, 50],
    ...sheet('Numerator: women attending online sessions since 1 January; denominator: all participants since 1 January.',
      'Attendance lists with self-declared sex.', 'Staff compute from the activity registry every six months.',
      'Women made up 40% of participants in 2019 in-person events; parity is the aim.') },
  { code: 'G5.1', goal: 'G5', name: 'Enhanced M&E plan adopted', nameZh: '强化的监测与评估计划获得通过',
    description: 'The enhanced monitoring-and-evaluation plan is presented to and adopted by the Committee.', descriptionZh: '强化的监测与评估计划提交指导委员会并获得通过。',
    unit: 'yes/no', valueKind: 'milestone', accumulation: 'snapshot', direction: 'increase', baseline: 0, target: 1, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [0, 1, 1, 1],
    ...sheet('1 once the Committee has adopted the enhanced M&E plan, else 0.',
      'Steering Committee minutes; the plan document.', 'M&E Officer reports at quarter end.',
      'Presented at the May 2020 Committee meeting.') },
  { code: 'G5.2', goal: 'G5', name: 'Budget utilisation rate', nameZh: '预算执行率',
    description: 'Expenditure to date as a share of the 2020 annual budget.', descriptionZh: '截至目前的支出占2020年度预算的比例。',
    unit: '%', valueKind: 'percent', accumulation: 'cumulative', direction: 'increase', baseline: 0, target: 90, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [15, 35, 60, 90],
    ...sheet('Numerator: expenditure since 1 January (USD); denominator: the 2020 budget in force on the date (USD).',
      'Expenditures recorded or imported from the UNOSSC finance system.', 'Derived from the budget and expenditures pages, by budget line and funding source.',
      'Spending plan of the approved budget, with 10% held for end-of-year commitments.') },
  { code: 'G5.3', goal: 'G5', name: "Share of the quarter's planned budget unspent at quarter end", nameZh: '季度末未支出的季度计划预算比例',
    description: 'Planned spending for the quarter that was not spent by its end.', descriptionZh: '季度计划支出中到季度末仍未支出的部分。',
    unit: '%', valueKind: 'percent', accumulation: 'snapshot', direction: 'decrease', baseline: 35, target: 10, frequency: Q,
    owner: NEW_YORK, disaggregations: [], milestones: [30, 25, 18, 10],
    ...sheet("Numerator: the quarter's planned spending not spent (USD); denominator: the quarter's planned spending (USD).",
      'Quarterly financial reports.', 'M&E Officer reports from the quarterly financial report.',
      'Raised at the Committee by the national partner agency; under-spending of 35% in the last quarter of 2019.') },
  { code: 'G5.4', goal: 'G5', name: 'Working-level meetings held with CICETE', nameZh: '与中国国际经济技术交流中心举行的工作层会议次数',
    description: 'Working-level meetings between the Beijing project team and the national partner agency.', descriptionZh: '北京项目团队与国家合作机构之间的工作层会议。',
    unit: 'meetings', valueKind: 'count', accumulation: 'non_cumulative', direction: 'increase', baseline: 0, target: 5, frequency: Q,
    owner: BEIJING, disaggregations: [], milestones: [0, 1, 2, 2],
    ...sheet('Number of working-level meetings with CICETE held in the period, with minutes.',
      'Meeting minutes in the meetings register.', 'Project Officer records each meeting.',
      'Committee recommendation: more regular meetings, about one every six weeks from June.') },
  { code: 'G5.5', goal: 'G5', name: 'Annual results report submitted to the Steering Committee', nameZh: '向指导委员会提交年度成果报告',
    description: 'The 2020 annual results report is submitted to the Committee.', descriptionZh: '向指导委员会提交2020年度成果报告。',
    unit: 'yes/no', valueKind: 'milestone', accumulation: 'snapshot', direction: 'increase', baseline: 0, target: 1, frequency: 'annual',
    owner: NEW_YORK, disaggregations: [], milestones: [1],
    ...sheet('1 once the annual results report has been sent to the Committee members, else 0.',
      'Transmission e-mail and the report.', 'M&E Officer reports at year end.',
      'Due before the end of the year.') },
];

/**
 * Indicators whose goals are counts of what the registries hold are derived: computed by the named query in
 * db/queries/derived from the registries' dated history, never logged by hand (and seeded without updates).
 */
export const DERIVED_KEYS_2020: Readonly<Record<string, DerivationKey>> = {
  'G1.1': 'cities_engaged',
  'G1.2': 'partnerships_new',
  'G1.3': 'partners_reactivated',
  'G1.4': 'partnerships_new_via_national_partner',
  'G2.1': 'clusters_established',
  'G2.2': 'clusters_functional',
  'G2.3': 'cluster_memberships',
  'G3.1': 'covid_requests_responded',
  'G3.2': 'covid_requests_responded_within_30_days',
  'G3.3': 'covid_response_days_mean',
  'G4.1': 'online_trainings_held',
  'G4.2': 'people_trained_online',
  'G4.3': 'online_participants_women_share',
  'G5.2': 'budget_utilisation',
  'G5.4': 'working_level_meetings',
};

export interface InsertedPlan {
  planId: number;
  goalIds: Map<string, number>;
  indicatorIds: Map<string, number>;
}

/** Inserts the plan, goals, indicators and milestones. Owners resolve through `owners` (missing → null). */
export async function insertPlan2020(db: Db, owners: UserIds): Promise<InsertedPlan> {
  const [plan] = await db.insert(workPlans).values(PLAN_2020).returning({ id: workPlans.id });
  if (!plan) throw new Error('work plan insert returned nothing');
  const goalRows = await db
    .insert(goals)
    .values(GOALS_2020.map((g, i) => ({ ...g, planId: plan.id, sortOrder: i + 1 })))
    .returning({ id: goals.id, code: goals.code });
  const goalIds = new Map(goalRows.map((g) => [g.code, g.id]));

  const indicatorRows = await db
    .insert(indicators)
    .values(
      INDICATORS_2020.map((ind, i) => {
        const goalId = goalIds.get(ind.goal);
        if (goalId === undefined) throw new Error(`unknown goal ${ind.goal}`);
        return {
          planId: plan.id,
          goalId,
          code: ind.code,
          name: ind.name,
          nameZh: ind.nameZh,
          description: ind.description,
          descriptionZh: ind.descriptionZh,
          unit: ind.unit,
          valueKind: ind.valueKind,
          accumulation: ind.accumulation,
          direction: ind.direction,
          baselineValue: ind.baseline,
          baselineDate: BASELINE_DATE,
          targetValue: ind.target,
          targetDate: TARGET_DATE,
          frequency: ind.frequency,
          ownerId: userId(owners, ind.owner),
          source: DERIVED_KEYS_2020[ind.code] ? ('derived' as const) : ('manual' as const),
          derivedKey: DERIVED_KEYS_2020[ind.code] ?? null,
          disaggregations: ind.disaggregations,
          definition: ind.definition,
          meansOfVerification: ind.meansOfVerification,
          collectionMethod: ind.collectionMethod,
          targetRationale: ind.targetRationale,
          sortOrder: i + 1,
        };
      }),
    )
    .returning({ id: indicators.id, code: indicators.code });
  const indicatorIds = new Map(indicatorRows.map((r) => [r.code, r.id]));

  await db.insert(indicatorTargets).values(
    INDICATORS_2020.flatMap((ind) =>
      milestonePeriods(ind).map((p) => ({
        indicatorId: indicatorIds.get(ind.code)!,
        periodStart: p.start,
        periodEnd: p.end,
        targetValue: p.target,
      })),
    ),
  );
  return { planId: plan.id, goalIds, indicatorIds };
}

/** The indicator's reporting periods in 2020 paired with its milestones (throws if they do not match). */
export function milestonePeriods(ind: IndicatorSeed): { start: string; end: string; target: number }[] {
  const periods = periodsBetween(ind.frequency, PLAN_2020.startDate, PLAN_2020.endDate);
  if (periods.length !== ind.milestones.length) {
    throw new Error(`${ind.code}: ${ind.milestones.length} milestones for ${periods.length} ${ind.frequency} periods`);
  }
  return periods.map((p, i) => ({ start: p.start, end: p.end, target: ind.milestones[i]! }));
}
