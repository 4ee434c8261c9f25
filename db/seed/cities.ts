import type { Db } from '../client';
import { cities, cityStatusHistory } from '../schema';

// About thirty real Maritime and Continental Silk Road cities with approximate coordinates. Their engagement
// in the project (statuses, dates) is fictional demo data.

export type CityStatus = 'prospective' | 'engaged' | 'active' | 'inactive';
type Step = readonly [CityStatus, string];

export interface CitySeed {
  name: string;
  nameZh: string;
  country: string;
  region: 'maritime' | 'continental';
  lat: number;
  lon: number;
  /** Dated status changes, oldest first; the last one is the current status. */
  history: readonly Step[];
  note?: string;
}

const P = 'prospective';
const E = 'engaged';
const A = 'active';
const I = 'inactive';

export const CITIES: readonly CitySeed[] = [
  // Maritime Silk Road
  { name: 'Quanzhou', nameZh: '泉州', country: 'China', region: 'maritime', lat: 24.874, lon: 118.676,
    history: [[P, '2018-01-15'], [E, '2018-04-10'], [A, '2018-11-20']] },
  { name: 'Fuzhou', nameZh: '福州', country: 'China', region: 'maritime', lat: 26.074, lon: 119.296,
    history: [[P, '2018-01-15'], [E, '2018-06-05'], [A, '2019-05-20']] },
  { name: 'Guangzhou', nameZh: '广州', country: 'China', region: 'maritime', lat: 23.129, lon: 113.264,
    history: [[P, '2018-03-01'], [E, '2018-09-12'], [A, '2019-09-01']] },
  { name: 'Ningbo', nameZh: '宁波', country: 'China', region: 'maritime', lat: 29.868, lon: 121.544,
    history: [[P, '2018-10-10'], [E, '2019-03-28'], [A, '2020-06-30']] },
  { name: 'Colombo', nameZh: '科伦坡', country: 'Sri Lanka', region: 'maritime', lat: 6.927, lon: 79.861,
    history: [[P, '2018-06-01'], [E, '2018-12-03'], [A, '2019-07-18']] },
  { name: 'Mombasa', nameZh: '蒙巴萨', country: 'Kenya', region: 'maritime', lat: -4.043, lon: 39.668,
    history: [[P, '2019-04-01'], [E, '2019-11-12']] },
  { name: 'Jakarta', nameZh: '雅加达', country: 'Indonesia', region: 'maritime', lat: -6.208, lon: 106.846,
    history: [[P, '2019-09-05'], [E, '2020-04-22']] },
  { name: 'Kuala Lumpur', nameZh: '吉隆坡', country: 'Malaysia', region: 'maritime', lat: 3.139, lon: 101.687,
    history: [[P, '2019-02-11'], [E, '2019-08-26']] },
  { name: 'Bangkok', nameZh: '曼谷', country: 'Thailand', region: 'maritime', lat: 13.756, lon: 100.502,
    history: [[P, '2018-11-01'], [E, '2019-05-09'], [A, '2020-09-10']] },
  { name: 'Yangon', nameZh: '仰光', country: 'Myanmar', region: 'maritime', lat: 16.840, lon: 96.173,
    history: [[P, '2018-03-20'], [E, '2018-07-02'], [I, '2019-08-30']], note: 'Contact lapsed after the 2019 municipal reorganisation.' },
  { name: 'Karachi', nameZh: '卡拉奇', country: 'Pakistan', region: 'maritime', lat: 24.861, lon: 67.010,
    history: [[P, '2018-06-15'], [E, '2018-11-15'], [I, '2019-10-01'], [E, '2020-08-18']], note: 'Re-engaged in 2020 with its port community.' },
  { name: 'Dubai', nameZh: '迪拜', country: 'United Arab Emirates', region: 'maritime', lat: 25.205, lon: 55.271,
    history: [[P, '2019-10-20'], [E, '2020-08-05']] },
  { name: 'Muscat', nameZh: '马斯喀特', country: 'Oman', region: 'maritime', lat: 23.588, lon: 58.383,
    history: [[P, '2020-02-03']] },
  { name: 'Alexandria', nameZh: '亚历山大', country: 'Egypt', region: 'maritime', lat: 31.200, lon: 29.919,
    history: [[P, '2019-12-02']] },
  { name: 'Piraeus', nameZh: '比雷埃夫斯', country: 'Greece', region: 'maritime', lat: 37.942, lon: 23.646,
    history: [[P, '2019-03-12'], [E, '2019-09-17']] },
  { name: 'Athens', nameZh: '雅典', country: 'Greece', region: 'maritime', lat: 37.984, lon: 23.728,
    history: [[P, '2020-07-01']] },
  { name: 'Venice', nameZh: '威尼斯', country: 'Italy', region: 'maritime', lat: 45.441, lon: 12.316,
    history: [[P, '2019-05-27']] },
  { name: 'Valencia', nameZh: '瓦伦西亚', country: 'Spain', region: 'maritime', lat: 39.470, lon: -0.376,
    history: [[P, '2020-09-10']] },
  // Continental Silk Road
  { name: "Xi'an", nameZh: '西安', country: 'China', region: 'continental', lat: 34.341, lon: 108.940,
    history: [[P, '2018-01-15'], [E, '2018-04-10'], [A, '2019-03-15']] },
  { name: 'Lanzhou', nameZh: '兰州', country: 'China', region: 'continental', lat: 36.061, lon: 103.834,
    history: [[P, '2018-12-01'], [E, '2019-04-16']] },
  { name: 'Urumqi', nameZh: '乌鲁木齐', country: 'China', region: 'continental', lat: 43.825, lon: 87.617,
    history: [[P, '2019-01-10'], [E, '2019-06-20']] },
  { name: 'Kashgar', nameZh: '喀什', country: 'China', region: 'continental', lat: 39.470, lon: 75.990,
    history: [[P, '2019-06-20'], [E, '2020-07-15']] },
  { name: 'Yiwu', nameZh: '义乌', country: 'China', region: 'continental', lat: 29.306, lon: 120.075,
    history: [[P, '2019-11-15'], [E, '2020-06-10']] },
  { name: 'Almaty', nameZh: '阿拉木图', country: 'Kazakhstan', region: 'continental', lat: 43.238, lon: 76.946,
    history: [[P, '2018-05-14'], [E, '2018-10-22'], [A, '2019-10-10']] },
  { name: 'Tashkent', nameZh: '塔什干', country: 'Uzbekistan', region: 'continental', lat: 41.299, lon: 69.240,
    history: [[P, '2018-10-01'], [E, '2019-02-14'], [A, '2019-11-05']] },
  { name: 'Samarkand', nameZh: '撒马尔罕', country: 'Uzbekistan', region: 'continental', lat: 39.654, lon: 66.976,
    history: [[P, '2019-06-01'], [E, '2020-02-20']] },
  { name: 'Bishkek', nameZh: '比什凯克', country: 'Kyrgyzstan', region: 'continental', lat: 42.875, lon: 74.570,
    history: [[P, '2019-09-16']] },
  { name: 'Tehran', nameZh: '德黑兰', country: 'Iran', region: 'continental', lat: 35.689, lon: 51.389,
    history: [[P, '2018-09-03'], [E, '2019-01-20'], [I, '2019-12-10']], note: 'Engagement paused; follow-up planned through the national partner agency.' },
  { name: 'Baku', nameZh: '巴库', country: 'Azerbaijan', region: 'continental', lat: 40.409, lon: 49.867,
    history: [[P, '2020-01-20'], [E, '2020-10-20']] },
  { name: 'Tbilisi', nameZh: '第比利斯', country: 'Georgia', region: 'continental', lat: 41.716, lon: 44.783,
    history: [[P, '2020-03-02']] },
  { name: 'Istanbul', nameZh: '伊斯坦布尔', country: 'Türkiye', region: 'continental', lat: 41.008, lon: 28.978,
    history: [[P, '2019-07-08']] },
  { name: 'Duisburg', nameZh: '杜伊斯堡', country: 'Germany', region: 'continental', lat: 51.434, lon: 6.762,
    history: [[P, '2020-05-18']] },
];

export function currentStatus(city: CitySeed): CityStatus {
  return city.history[city.history.length - 1]![0];
}

/** The status a city had at the end of `date` (undefined before it was first recorded). */
export function cityStatusOn(city: CitySeed, date: string): CityStatus | undefined {
  let status: CityStatus | undefined;
  for (const [s, on] of city.history) if (on <= date) status = s;
  return status;
}

/** Cities engaged or active at the end of `date`: what indicator G1.1 counts. */
export function engagedCityCount(date: string): number {
  return CITIES.filter((c) => {
    const s = cityStatusOn(c, date);
    return s === 'engaged' || s === 'active';
  }).length;
}

/** The date of the city's latest (re-)engagement, if it ever engaged. */
function engagedOn(city: CitySeed): string | null {
  const steps = city.history.filter(([s]) => s === 'engaged' || s === 'active');
  const engaged = city.history.filter(([s]) => s === 'engaged');
  return engaged[engaged.length - 1]?.[1] ?? steps[0]?.[1] ?? null;
}

export async function insertCities(db: Db, changedBy: string | null): Promise<Map<string, number>> {
  const rows = await db
    .insert(cities)
    .values(
      CITIES.map((c) => ({
        name: c.name,
        nameZh: c.nameZh,
        country: c.country,
        region: c.region,
        latitude: c.lat,
        longitude: c.lon,
        status: currentStatus(c),
        engagedOn: engagedOn(c),
        notes: c.note ?? null,
      })),
    )
    .returning({ id: cities.id, name: cities.name });
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  await db.insert(cityStatusHistory).values(
    CITIES.flatMap((c) =>
      c.history.map(([status, changedOn]) => ({ cityId: ids.get(c.name)!, status, changedOn, changedBy, note: null })),
    ),
  );
  return ids;
}
