import type { Db } from '../client';
import {
  activities,
  activityCities,
  clusterMembers,
  clusterStageHistory,
  clusters,
  partnerCities,
  partners,
  partnerStatusHistory,
  supportRequests,
  supportRequestStatusHistory,
} from '../schema';

// Partners, clusters, COVID-19 support requests and capacity-development activities of the demo. Organisations
// are fictional or generic; dates are chosen so that the registries and the progress updates tell one story.

type PartnerType = 'government' | 'un_entity' | 'private_sector' | 'academia' | 'ngo' | 'city_network';
type PartnerStatus = 'prospective' | 'active' | 'inactive' | 'reactivated';
type Stage = 'proposed' | 'established' | 'functional';
type Need = 'medical_supplies' | 'ppe' | 'knowledge_exchange' | 'economic_recovery' | 'digital_services' | 'other';

export interface PartnerSeed {
  name: string;
  nameZh: string;
  type: PartnerType;
  history: readonly (readonly [PartnerStatus, string])[];
  cities: readonly string[];
  /** Introduced by the national partner agency from its existing partners (indicator G1.4). */
  viaCicete?: boolean;
  notes?: string;
}

export const PARTNERS: readonly PartnerSeed[] = [
  { name: 'China International Center for Economic and Technical Exchanges (CICETE)', nameZh: '中国国际经济技术交流中心',
    type: 'government', history: [['active', '2017-12-01']], cities: [], notes: 'National partner agency of the project.' },
  { name: 'UN Regional Digital Economy Working Group', nameZh: '联合国区域数字经济工作组', type: 'un_entity',
    history: [['active', '2019-03-01']], cities: ['Bangkok', 'Kuala Lumpur'] },
  { name: 'Municipal Government of Samarkand', nameZh: '撒马尔罕市政府', type: 'government',
    history: [['prospective', '2019-06-01'], ['active', '2020-02-25']], cities: ['Samarkand'] },
  { name: 'Indian Ocean Port Cities Alliance', nameZh: '印度洋港口城市联盟', type: 'city_network',
    history: [['active', '2018-09-01'], ['inactive', '2019-06-30'], ['reactivated', '2020-06-15']], cities: ['Colombo', 'Mombasa', 'Karachi'] },
  { name: 'Central Asia Urban Research Institute', nameZh: '中亚城市研究所', type: 'academia',
    history: [['active', '2018-10-15'], ['inactive', '2019-09-01'], ['reactivated', '2020-06-29']], cities: ['Almaty', 'Tashkent', 'Bishkek'] },
  { name: 'Karachi Metropolitan Development Office', nameZh: '卡拉奇大都市发展办公室', type: 'government',
    history: [['active', '2018-11-15'], ['inactive', '2019-10-01'], ['reactivated', '2020-08-18']], cities: ['Karachi'] },
  { name: 'Silk Road Heritage Cities Forum', nameZh: '丝绸之路遗产城市论坛', type: 'city_network',
    history: [['active', '2018-05-01'], ['inactive', '2019-11-30'], ['reactivated', '2020-09-22']], cities: ["Xi'an", 'Samarkand', 'Kashgar', 'Quanzhou'] },
  { name: 'Tehran Urban Innovation Centre', nameZh: '德黑兰城市创新中心', type: 'government',
    history: [['active', '2019-01-20'], ['inactive', '2019-12-10']], cities: ['Tehran'] },
  { name: 'Yangon City Trade Promotion Office', nameZh: '仰光市贸易促进办公室', type: 'government',
    history: [['active', '2018-07-02'], ['inactive', '2019-08-30']], cities: ['Yangon'] },
  { name: 'Coastal Cities University Consortium', nameZh: '沿海城市大学联盟', type: 'academia',
    history: [['active', '2020-05-20']], cities: ['Fuzhou', 'Ningbo', 'Piraeus'] },
  { name: 'Yiwu Cross-border Trade Service Hub', nameZh: '义乌跨境贸易服务中心', type: 'ngo', viaCicete: true,
    history: [['prospective', '2020-05-20'], ['active', '2020-06-30']], cities: ['Yiwu'], notes: 'Introduced by CICETE.' },
  { name: 'Silk Trail E-commerce Ltd.', nameZh: '丝路电商有限公司', type: 'private_sector',
    history: [['prospective', '2020-06-01'], ['active', '2020-07-10']], cities: ['Guangzhou', 'Yiwu', 'Almaty'] },
  { name: 'Jakarta Metropolitan Digital Services Unit', nameZh: '雅加达都市数字服务处', type: 'government',
    history: [['active', '2020-08-12']], cities: ['Jakarta'] },
  { name: 'Oasis Digital Payments Ltd.', nameZh: '绿洲数字支付有限公司', type: 'private_sector', viaCicete: true,
    history: [['prospective', '2020-07-15'], ['active', '2020-09-15']], cities: ['Tashkent', 'Samarkand', 'Urumqi'], notes: 'Introduced by CICETE.' },
  { name: 'Baku Business Development Centre', nameZh: '巴库商业发展中心', type: 'ngo',
    history: [['active', '2020-10-27']], cities: ['Baku'] },
  { name: 'Rhine-Ruhr Rail Logistics Operator', nameZh: '莱茵-鲁尔铁路物流运营公司', type: 'private_sector',
    history: [['prospective', '2020-10-01']], cities: ['Duisburg'] },
];

/** The date a partner first became active (its partnership "since"), if it has. */
export function partnerSince(p: PartnerSeed): string | null {
  return p.history.find(([s]) => s === 'active')?.[1] ?? null;
}

export interface ClusterSeed {
  name: string;
  nameZh: string;
  sector: string;
  description: string;
  descriptionZh: string;
  lead: string;
  stages: readonly (readonly [Stage, string])[];
  /** [city, joined on, left on?] */
  members: readonly (readonly [string, string, string?])[];
}

export const CLUSTERS: readonly ClusterSeed[] = [
  { name: 'E-commerce and Digital Trade Cluster', nameZh: '电子商务与数字贸易集群', sector: 'E-commerce and digital trade',
    description: 'Cities helping small businesses sell online and across borders.', descriptionZh: '帮助小企业开展网络销售和跨境贸易的城市。',
    lead: 'Guangzhou', stages: [['proposed', '2019-11-15'], ['established', '2020-06-30'], ['functional', '2020-10-15']],
    members: [['Guangzhou', '2019-11-15'], ['Quanzhou', '2019-11-15'], ['Fuzhou', '2019-12-02'], ['Yiwu', '2020-06-12'], ['Almaty', '2020-06-30'],
      ['Tashkent', '2020-06-30'], ['Jakarta', '2020-08-28'], ['Kuala Lumpur', '2020-09-15'], ['Baku', '2020-10-26']] },
  { name: 'Sustainable Tourism Cluster', nameZh: '可持续旅游集群', sector: 'Sustainable tourism',
    description: 'Heritage-rich cities planning tourism that survives the pandemic and protects residents.', descriptionZh: '遗产资源丰富的城市共同规划能够应对疫情、保护居民利益的旅游业。',
    lead: "Xi'an", stages: [['proposed', '2019-04-10'], ['established', '2019-09-20'], ['functional', '2020-09-28']],
    members: [["Xi'an", '2019-04-10'], ['Almaty', '2019-04-10'], ['Lanzhou', '2019-09-20'], ['Bangkok', '2019-09-20'], ['Urumqi', '2019-11-01'],
      ['Samarkand', '2020-05-12'], ['Kuala Lumpur', '2020-07-22']] },
  { name: 'Urban Health and Resilience Cluster', nameZh: '城市卫生与韧性集群', sector: 'Urban health and resilience',
    description: 'Cities sharing public-health and preparedness practice, formed in response to COVID-19.', descriptionZh: '为应对新冠肺炎疫情而成立、分享公共卫生和防范经验的城市集群。',
    lead: 'Colombo', stages: [['proposed', '2020-04-20'], ['established', '2020-07-30']],
    members: [['Colombo', '2020-04-20'], ['Jakarta', '2020-05-06'], ['Mombasa', '2020-05-06'], ['Fuzhou', '2020-07-30'], ['Bangkok', '2020-07-30']] },
  { name: 'Port Logistics Cluster', nameZh: '港口物流集群', sector: 'Port logistics',
    description: 'Port cities improving logistics links between the Maritime and Continental routes.', descriptionZh: '改善海上与陆上丝绸之路物流联系的港口城市。',
    lead: 'Ningbo', stages: [['proposed', '2019-05-15'], ['established', '2019-11-28']],
    members: [['Ningbo', '2019-05-15'], ['Piraeus', '2019-11-28'], ['Colombo', '2019-11-28'], ['Mombasa', '2019-12-05'], ['Dubai', '2020-09-01'],
      ['Karachi', '2020-10-05']] },
  { name: 'Cultural Heritage Cluster', nameZh: '文化遗产集群', sector: 'Cultural heritage',
    description: 'Historic Silk Road cities working together on heritage conservation and management.', descriptionZh: '在遗产保护与管理方面开展合作的丝绸之路历史名城。',
    lead: 'Quanzhou', stages: [['proposed', '2018-12-10'], ['established', '2019-06-05'], ['functional', '2019-12-12']],
    members: [['Quanzhou', '2018-12-10'], ["Xi'an", '2018-12-10'], ['Tashkent', '2019-06-05', '2020-07-01'], ['Colombo', '2019-06-05'],
      ['Samarkand', '2020-03-15'], ['Kashgar', '2020-08-10']] },
];

export function clusterStageOn(c: ClusterSeed, date: string): Stage | undefined {
  let stage: Stage | undefined;
  for (const [s, on] of c.stages) if (on <= date) stage = s;
  return stage;
}

export function clusterMemberCount(c: ClusterSeed, date: string): number {
  return c.members.filter(([, joined, left]) => joined <= date && (left === undefined || left > date)).length;
}

export interface RequestSeed {
  city: string;
  category: Need;
  receivedOn: string;
  /** When work started (status in_progress). */
  startedOn?: string;
  respondedOn?: string;
  closedOn?: string;
  description: string;
  response?: string;
}

const rq = (city: string, category: Need, dates: [string, string?, string?, string?], description: string, response?: string): RequestSeed => ({
  city, category, receivedOn: dates[0], startedOn: dates[1], respondedOn: dates[2], closedOn: dates[3], description, response,
});

// [received, started, responded, closed]
export const SUPPORT_REQUESTS: readonly RequestSeed[] = [
  rq('Colombo', 'ppe', ['2020-03-05', '2020-03-09', '2020-03-20', '2020-04-30'], 'Masks and gloves for municipal frontline workers.', '5,000 masks and 2,000 pairs of gloves delivered with a partner city.'),
  rq('Almaty', 'medical_supplies', ['2020-03-10', '2020-03-12', '2020-03-27', '2020-05-15'], 'Test kits for city clinics.', 'Procurement coordinated with a partner city; 2,000 kits delivered.'),
  rq('Tashkent', 'knowledge_exchange', ['2020-04-02', '2020-04-06', '2020-04-16', '2020-06-10'], 'Experience on reopening markets safely.', 'Webinar with city market and health authorities from partner cities.'),
  rq('Mombasa', 'ppe', ['2020-04-08', '2020-04-20', '2020-05-12', '2020-06-30'], 'PPE for port health staff.', 'PPE shipment arranged through the port cities alliance.'),
  rq('Bangkok', 'digital_services', ['2020-04-15', '2020-04-17', '2020-05-06', '2020-06-20'], 'Advice on digital contact tracing for city services.', 'Expert exchange with two partner cities\' digital departments.'),
  rq('Jakarta', 'medical_supplies', ['2020-04-28', '2020-05-02', '2020-05-20'], 'Oxygen concentrators for district hospitals.', 'Supplier shortlist and a co-funded purchase of 20 concentrators.'),
  rq('Kuala Lumpur', 'economic_recovery', ['2020-05-04', '2020-05-18', '2020-06-15', '2020-08-01'], 'Support to small traders hit by movement controls.', 'Policy note on relief measures for small businesses in partner cities.'),
  rq('Samarkand', 'ppe', ['2020-05-11', '2020-05-13', '2020-05-29', '2020-07-10'], 'Masks and sanitiser for reopening tourist sites.', 'PPE kits delivered.'),
  rq('Piraeus', 'knowledge_exchange', ['2020-05-25', '2020-05-28', '2020-06-18'], 'Health protocols for cruise and ferry terminals.', 'Peer session with Asian port cities.'),
  rq('Lanzhou', 'economic_recovery', ['2020-07-02', '2020-07-06', '2020-07-21', '2020-09-15'], 'Restarting logistics for agricultural exports.', 'Matchmaking with e-commerce platforms.'),
  rq('Karachi', 'medical_supplies', ['2020-07-10', '2020-07-28', '2020-08-24'], 'Thermometers and PPE for the port community clinic.', 'Shipment delivered after customs delays.'),
  rq('Yiwu', 'digital_services', ['2020-07-20', '2020-07-22', '2020-08-03', '2020-10-10'], 'Cross-border e-commerce guidance for exporters to Central Asia.', 'One-to-one clinic alongside the online training series.'),
  rq('Colombo', 'economic_recovery', ['2020-08-03', '2020-08-05', '2020-08-25'], 'A tourism recovery plan for the city.', 'Recovery planning toolkit and an online expert mission.'),
  rq('Dubai', 'other', ['2020-08-12', '2020-08-14', '2020-09-08'], 'Guidance on holding large events safely.', 'Event guidelines shared by partner cities.'),
  rq('Mombasa', 'digital_services', ['2020-09-01', '2020-09-03', '2020-09-22'], 'An online permit system for market traders.', 'Connected with a digital-services partner for a pilot.'),
  rq('Kashgar', 'economic_recovery', ['2020-09-15', '2020-09-25'], 'Revitalising the old-town bazaar economy.'),
  rq('Almaty', 'digital_services', ['2020-10-01', '2020-10-05', '2020-10-22'], 'Training for municipal staff on remote services.', 'Places offered in the October online session.'),
  rq('Urumqi', 'knowledge_exchange', ['2020-10-05', '2020-10-12'], 'Exchange on winter preparedness for a second wave.'),
  rq('Jakarta', 'other', ['2020-10-20', '2020-10-28'], 'A platform to coordinate city volunteers.'),
  rq('Baku', 'digital_services', ['2020-11-02'], 'E-commerce readiness assessment for local producers.'),
  rq('Bangkok', 'ppe', ['2020-11-09'], 'PPE for schools reopening.'),
];

export function requestStatus(r: RequestSeed): 'received' | 'in_progress' | 'responded' | 'closed' {
  return r.closedOn ? 'closed' : r.respondedOn ? 'responded' : r.startedOn ? 'in_progress' : 'received';
}

export interface ActivitySeed {
  title: string;
  titleZh: string;
  topic: string;
  format: 'online' | 'in_person';
  heldOn: string;
  female: number;
  male: number;
  /** Participants by the city they work in; the total is their sum. */
  cities: Readonly<Record<string, number>>;
  notes?: string;
}

export const ACTIVITIES: readonly ActivitySeed[] = [
  { title: 'Cultural heritage city exchange workshop', titleZh: '文化遗产城市交流研讨会', topic: 'Cultural heritage', format: 'in_person',
    heldOn: '2020-01-09', female: 19, male: 26, cities: { Quanzhou: 20, "Xi'an": 12, Colombo: 8, Tashkent: 5 }, notes: 'Held in Quanzhou.' },
  { title: 'Urban tourism planning workshop', titleZh: '城市旅游规划研讨会', topic: 'Sustainable tourism', format: 'in_person',
    heldOn: '2020-01-14', female: 16, male: 22, cities: { Almaty: 18, Tashkent: 8, Lanzhou: 6, Urumqi: 6 }, notes: 'Held in Almaty.' },
  { title: 'E-commerce for city SMEs: getting started', titleZh: '城市中小企业电子商务入门', topic: 'E-commerce', format: 'online',
    heldOn: '2020-06-18', female: 59, male: 59, cities: { Yiwu: 30, Almaty: 25, Tashkent: 25, Bangkok: 20, Jakarta: 20 },
    notes: 'First session of the online series added on the Steering Committee\'s recommendation; 2 participants did not state their sex.' },
  { title: 'Cross-border e-commerce logistics during COVID-19', titleZh: '新冠肺炎疫情期间的跨境电商物流', topic: 'E-commerce', format: 'online',
    heldOn: '2020-06-30', female: 46, male: 49, cities: { Ningbo: 20, Colombo: 15, Piraeus: 10, Mombasa: 15, Guangzhou: 20, Samarkand: 15 } },
  { title: 'Digital payments for municipal services', titleZh: '市政服务数字支付', topic: 'Digital innovation', format: 'online',
    heldOn: '2020-07-23', female: 66, male: 72, cities: { Tashkent: 30, Samarkand: 25, Urumqi: 25, 'Kuala Lumpur': 30, Bangkok: 30 }, notes: '2 participants did not state their sex.' },
  { title: 'Digital tools for city recovery', titleZh: '城市复苏数字工具', topic: 'Digital innovation', format: 'online',
    heldOn: '2020-08-27', female: 52, male: 58, cities: { Colombo: 25, Jakarta: 25, Mombasa: 20, Dubai: 15, Lanzhou: 25 } },
  { title: 'Live-stream commerce for local producers', titleZh: '面向本地生产者的直播电商', topic: 'E-commerce', format: 'online',
    heldOn: '2020-09-17', female: 84, male: 76, cities: { Yiwu: 40, Kashgar: 35, Almaty: 30, Karachi: 25, "Xi'an": 30 } },
  { title: 'Onboarding city exporters to e-commerce platforms', titleZh: '帮助城市出口企业入驻电商平台', topic: 'E-commerce', format: 'online',
    heldOn: '2020-10-22', female: 63, male: 67, cities: { Guangzhou: 30, Almaty: 25, Baku: 20, Jakarta: 25, Karachi: 30 } },
  { title: 'Data protection and digital trust in city services', titleZh: '城市服务中的数据保护与数字信任', topic: 'Digital innovation', format: 'online',
    heldOn: '2020-11-05', female: 41, male: 47, cities: { Fuzhou: 20, Ningbo: 20, Piraeus: 15, Dubai: 15, Tashkent: 20 }, notes: '2 participants did not state their sex.' },
];

export const activityTotal = (a: ActivitySeed): number => Object.values(a.cities).reduce((s, n) => s + n, 0);

export interface RegistryIds {
  partners: Map<string, number>;
  clusters: Map<string, number>;
}

const lookup = (ids: ReadonlyMap<string, number>, name: string): number => {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`seed: unknown name ${name}`);
  return id;
};

export async function insertRegistries(db: Db, cityIds: ReadonlyMap<string, number>, changedBy: string | null): Promise<RegistryIds> {
  const partnerRows = await db
    .insert(partners)
    .values(PARTNERS.map((p) => ({ name: p.name, nameZh: p.nameZh, type: p.type, status: p.history[p.history.length - 1]![0], since: partnerSince(p), viaNationalPartner: p.viaCicete ?? false, notes: p.notes ?? null })))
    .returning({ id: partners.id, name: partners.name });
  const partnerIds = new Map(partnerRows.map((r) => [r.name, r.id]));
  await db.insert(partnerStatusHistory).values(
    PARTNERS.flatMap((p) => p.history.map(([status, changedOn]) => ({ partnerId: lookup(partnerIds, p.name), status, changedOn, changedBy }))),
  );
  const links = PARTNERS.flatMap((p) => p.cities.map((c) => ({ partnerId: lookup(partnerIds, p.name), cityId: lookup(cityIds, c) })));
  await db.insert(partnerCities).values(links);

  const clusterRows = await db
    .insert(clusters)
    .values(
      CLUSTERS.map((c) => ({
        name: c.name, nameZh: c.nameZh, sector: c.sector, description: c.description, descriptionZh: c.descriptionZh,
        stage: c.stages[c.stages.length - 1]![0], leadCityId: lookup(cityIds, c.lead),
      })),
    )
    .returning({ id: clusters.id, name: clusters.name });
  const clusterIds = new Map(clusterRows.map((r) => [r.name, r.id]));
  await db.insert(clusterStageHistory).values(
    CLUSTERS.flatMap((c) => c.stages.map(([stage, changedOn]) => ({ clusterId: lookup(clusterIds, c.name), stage, changedOn, changedBy }))),
  );
  await db.insert(clusterMembers).values(
    CLUSTERS.flatMap((c) =>
      c.members.map(([city, joinedOn, leftOn]) => ({ clusterId: lookup(clusterIds, c.name), cityId: lookup(cityIds, city), joinedOn, leftOn: leftOn ?? null })),
    ),
  );

  for (const r of SUPPORT_REQUESTS) {
    const [row] = await db
      .insert(supportRequests)
      .values({
        cityId: lookup(cityIds, r.city), category: r.category, receivedOn: r.receivedOn, status: requestStatus(r),
        respondedOn: r.respondedOn ?? null, closedOn: r.closedOn ?? null, description: r.description, response: r.response ?? null,
      })
      .returning({ id: supportRequests.id });
    const steps = [
      ['received', r.receivedOn],
      ['in_progress', r.startedOn],
      ['responded', r.respondedOn],
      ['closed', r.closedOn],
    ] as const;
    await db.insert(supportRequestStatusHistory).values(
      steps.flatMap(([status, changedOn]) => (changedOn ? [{ requestId: row!.id, status, changedOn, changedBy }] : [])),
    );
  }

  for (const a of ACTIVITIES) {
    const [row] = await db
      .insert(activities)
      .values({
        title: a.title, titleZh: a.titleZh, topic: a.topic, format: a.format, heldOn: a.heldOn,
        participantsTotal: activityTotal(a), participantsFemale: a.female, participantsMale: a.male, notes: a.notes ?? null,
      })
      .returning({ id: activities.id });
    await db.insert(activityCities).values(Object.entries(a.cities).map(([c, participants]) => ({ activityId: row!.id, cityId: lookup(cityIds, c), participants })));
  }
  return { partners: partnerIds, clusters: clusterIds };
}
