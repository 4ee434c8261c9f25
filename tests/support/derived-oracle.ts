// A plain-TypeScript oracle for derived indicators, written from the rules in words (lib/derivations.ts and the
// comments of db/queries/derived), over the raw registry rows the property test inserts. Test code only.

export type Region = 'maritime' | 'continental';
export interface Dated<S> {
  status: S;
  on: string;
}
export interface CityRow { id: number; name: string; region: Region; archived: boolean; history: Dated<string>[] }
export interface PartnerRow { id: number; name: string; archived: boolean; via: boolean; history: Dated<string>[]; cityIds: number[] }
export interface MemberRow { id: number; cityId: number; joined: string; left: string | null }
export interface ClusterRow { id: number; name: string; leadCityId: number | null; archived: boolean; history: Dated<string>[]; members: MemberRow[] }
export interface RequestRow { id: number; cityId: number; category: string; received: string; responded: string | null; archived: boolean }
export interface ActivityRow {
  id: number; topic: string; format: 'online' | 'in_person'; held: string; total: number; female: number | null; archived: boolean;
  cities: { cityId: number; participants: number | null }[];
}
export interface MeetingRow { id: number; kind: 'working_level' | 'steering_committee'; held: string }
/** A budget line: its amount at first, then each revision (in date order) to a new amount. Money in cents. */
export interface BudgetLineRow { id: number; code: string; title: string; source: string; cents: number; revisions: { on: string; cents: number }[] }
/** An expenditure in its currency's cents at a rate (base units per unit, as a decimal string). */
export interface ExpenditureRow { id: number; lineId: number; on: string; cents: number; rate: string; state: 'current' | 'superseded' | 'voided' }
export interface RegistryModel {
  cities: CityRow[]; partners: PartnerRow[]; clusters: ClusterRow[]; requests: RequestRow[]; activities: ActivityRow[]; meetings: MeetingRow[];
  budgetLines: BudgetLineRow[]; expenditures: ExpenditureRow[];
}
export interface OracleFilter { regions?: readonly string[]; clusterIds?: readonly number[] }

type Kind = 'city' | 'partner' | 'cluster' | 'membership' | 'request' | 'activity' | 'participants' | 'meeting' | 'budget';
interface Fact { kind: Kind; fid: number; counted: boolean; v: number | null; num: number | null; den: number | null; on: string; cities: number[]; clusterId: number | null }

const between = (d: string, from: string, to: string) => d >= from && d <= to;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** The latest entry on or before `to`: by date, then by position (the later-recorded change wins). */
function latest<S>(history: Dated<S>[], to: string): Dated<S> | undefined {
  let best: Dated<S> | undefined;
  for (const h of history) if (h.on <= to && (!best || h.on >= best.on)) best = h;
  return best;
}

function stateFacts(m: RegistryModel, key: string, to: string): Fact[] {
  const one = (kind: Kind, fid: number, history: Dated<string>[], set: string[], cities: number[], clusterId: number | null): Fact[] => {
    const l = latest(history, to);
    return l ? [{ kind, fid, counted: set.includes(l.status), v: 1, num: null, den: null, on: l.on, cities, clusterId }] : [];
  };
  switch (key) {
    case 'cities_engaged':
      return m.cities.filter((c) => !c.archived).flatMap((c) => one('city', c.id, c.history, ['engaged', 'active'], [c.id], null));
    case 'partnerships_active':
      return m.partners.filter((p) => !p.archived).flatMap((p) => one('partner', p.id, p.history, ['active', 'reactivated'], p.cityIds, null));
    case 'clusters_established':
    case 'clusters_functional': {
      const set = key === 'clusters_functional' ? ['functional'] : ['established', 'functional'];
      return m.clusters.filter((k) => !k.archived).flatMap((k) => one('cluster', k.id, k.history, set, k.leadCityId ? [k.leadCityId] : [], k.id));
    }
    case 'cluster_memberships':
      return m.clusters.filter((k) => !k.archived).flatMap((k) =>
        k.members
          .filter((x) => x.joined <= to)
          .map((x): Fact => ({
            kind: 'membership', fid: x.id, counted: x.left === null || x.left > to, v: 1, num: null, den: null,
            on: x.left !== null && x.left <= to ? x.left : x.joined, cities: [x.cityId], clusterId: k.id,
          })),
      );
    default:
      return [];
  }
}

function eventFacts(m: RegistryModel, key: string, from: string, to: string): Fact[] {
  const fact = (kind: Kind, fid: number, on: string, cities: number[], extra: Partial<Fact> = {}): Fact => ({
    kind, fid, counted: true, v: 1, num: null, den: null, on, cities, clusterId: null, ...extra,
  });
  const partners = m.partners.filter((p) => !p.archived);
  const responded = m.requests.filter((r) => !r.archived && r.responded !== null && between(r.responded, from, to));
  const online = m.activities.filter((a) => !a.archived && a.format === 'online' && between(a.held, from, to));
  switch (key) {
    case 'partnerships_new':
    case 'partnerships_new_via_national_partner':
      return partners
        .filter((p) => key === 'partnerships_new' || p.via)
        .flatMap((p) => {
          const firsts = p.history.filter((h) => h.status === 'active').map((h) => h.on).sort();
          return firsts[0] !== undefined && between(firsts[0], from, to) ? [fact('partner', p.id, firsts[0], p.cityIds)] : [];
        });
    case 'partners_reactivated':
      return partners.flatMap((p) => {
        const dates = p.history.filter((h) => h.status === 'reactivated' && between(h.on, from, to)).map((h) => h.on).sort();
        return dates.length > 0 ? [fact('partner', p.id, dates.at(-1)!, p.cityIds)] : [];
      });
    case 'covid_requests_responded':
    case 'covid_requests_responded_within_30_days':
    case 'covid_response_days_mean':
      return responded.map((r) => {
        const d = days(r.received, r.responded!);
        const v = key === 'covid_response_days_mean' ? d : key === 'covid_requests_responded' ? 1 : null;
        return fact('request', r.id, r.responded!, [r.cityId], { v, num: d <= 30 ? 1 : 0, den: 1 });
      });
    case 'online_trainings_held':
      return online.map((a) => fact('activity', a.id, a.held, a.cities.map((c) => c.cityId)));
    case 'online_participants_women_share':
      return online.filter((a) => a.female !== null).map((a) => fact('activity', a.id, a.held, a.cities.map((c) => c.cityId), { v: null, num: a.female, den: a.total }));
    case 'people_trained_online':
      return online.flatMap((a) => {
        const known = a.cities.filter((c) => c.participants !== null);
        const rest = a.total - known.reduce((s, c) => s + c.participants!, 0);
        const parts = known.map((c) => fact('participants', a.id, a.held, [c.cityId], { v: c.participants }));
        return rest > 0 ? [...parts, fact('participants', a.id, a.held, [], { v: rest })] : parts;
      });
    case 'working_level_meetings':
      return m.meetings.filter((x) => x.kind === 'working_level' && between(x.held, from, to)).map((x) => fact('meeting', x.id, x.held, []));
    default:
      return [];
  }
}

/** amount × rate rounded half away from zero to the cent, in exact integers (as Postgres numeric does). */
export function baseCents(cents: number, rate: string): number {
  const [whole, frac = ''] = rate.split('.');
  const scale = 10n ** BigInt(frac.length);
  const product = BigInt(cents) * BigInt(`${whole}${frac}`);
  return Number((product * 2n + scale) / (2n * scale));
}

/** A line's budget in force on `to`: the amount the first revision effective after `to` replaced, else the latest. */
function inForceCents(line: BudgetLineRow, to: string): number {
  const amounts = [line.cents, ...line.revisions.map((r) => r.cents)];
  const next = line.revisions.findIndex((r) => r.on > to);
  return next === -1 ? amounts.at(-1)! : amounts[next]!;
}

/**
 * Budget utilisation at `to` (the window's start does not matter: it is a level to date), one fact per budget
 * line: num = spent to `to` by its current expenditures, den = its budget in force on `to`, in base-currency
 * units; `on` = its latest expenditure or revision date up to `to`, '' when none.
 */
function budgetFacts(m: RegistryModel, to: string): Fact[] {
  return m.budgetLines.map((line) => {
    const spent = m.expenditures.filter((e) => e.lineId === line.id && e.state === 'current' && e.on <= to);
    const dates = [...spent.map((e) => e.on), ...line.revisions.filter((r) => r.on <= to).map((r) => r.on)].sort();
    return {
      kind: 'budget', fid: line.id, counted: true, v: null, cities: [], clusterId: null, on: dates.at(-1) ?? '',
      num: spent.reduce((s, e) => s + baseCents(e.cents, e.rate), 0) / 100, den: inForceCents(line, to) / 100,
    };
  });
}

export function oracleFacts(m: RegistryModel, key: string, kind: 'state' | 'events' | 'whole', from: string, to: string): Fact[] {
  if (kind === 'whole') return key === 'budget_utilisation' ? budgetFacts(m, to) : [];
  return kind === 'state' ? stateFacts(m, key, to) : eventFacts(m, key, from, to);
}

const ownsCluster = (f: Fact) => f.kind === 'cluster' || f.kind === 'membership';

function cityIn(m: RegistryModel, f: Fact, cityId: number, filter: OracleFilter): boolean {
  const city = m.cities.find((c) => c.id === cityId)!;
  if (filter.regions?.length && !filter.regions.includes(city.region)) return false;
  if (!ownsCluster(f) && filter.clusterIds?.length) {
    return m.clusters.some((k) => filter.clusterIds!.includes(k.id) && k.members.some((x) => x.cityId === cityId));
  }
  return true;
}

function factIn(m: RegistryModel, f: Fact, filter: OracleFilter): boolean {
  const regions = !!filter.regions?.length;
  const clusters = !!filter.clusterIds?.length;
  if (f.kind === 'meeting' || f.kind === 'budget' || (!regions && !clusters)) return true;
  if ((regions || (clusters && !ownsCluster(f))) && !f.cities.some((c) => cityIn(m, f, c, filter))) return false;
  if (clusters && ownsCluster(f) && !filter.clusterIds!.includes(f.clusterId!)) return false;
  return true;
}

export interface OracleSums { value: number | null; numerator: number | null; denominator: number | null }

export function aggregate(aggregateKind: string, facts: Fact[]): OracleSums {
  const counted = facts.filter((f) => f.counted);
  const sum = (pick: (f: Fact) => number | null) => counted.reduce((s, f) => s + (pick(f) ?? 0), 0);
  if (aggregateKind === 'percent') {
    const numerator = sum((f) => f.num);
    const denominator = sum((f) => f.den);
    return { value: denominator ? (100 * numerator) / denominator : null, numerator, denominator };
  }
  if (aggregateKind === 'mean') return { value: counted.length ? sum((f) => f.v) / counted.length : null, numerator: null, denominator: null };
  return { value: sum((f) => f.v), numerator: null, denominator: null };
}

export function oracleTotal(m: RegistryModel, facts: Fact[], aggregateKind: string, filter: OracleFilter) {
  const inScope = facts.filter((f) => factIn(m, f, filter));
  const last = inScope.map((f) => f.on).filter((d) => d !== '').sort().at(-1) ?? null;
  return { ...aggregate(aggregateKind, inScope), lastOn: last };
}

/** The keys (member ids, codes, topics) a fact falls under for a dimension; [''] when none. */
function keysOf(m: RegistryModel, f: Fact, dimension: string, filter: OracleFilter): string[] {
  const cities = f.cities.filter((c) => cityIn(m, f, c, filter));
  const cityRow = (id: number) => m.cities.find((c) => c.id === id)!;
  let keys: string[] = [];
  if (dimension === 'city') keys = cities.map(String);
  if (dimension === 'region') keys = cities.map((c) => cityRow(c).region);
  if (dimension === 'cluster') {
    keys = ownsCluster(f)
      ? [String(f.clusterId)]
      : m.clusters
          .filter((k) => k.members.some((x) => cities.includes(x.cityId)) && (!filter.clusterIds?.length || filter.clusterIds.includes(k.id)))
          .map((k) => String(k.id));
  }
  if (dimension === 'partner') {
    keys = f.kind === 'partner' ? [String(f.fid)] : m.partners.filter((p) => p.cityIds.includes(f.cities[0]!)).map((p) => String(p.id));
  }
  if (dimension === 'category') keys = [m.requests.find((r) => r.id === f.fid)!.category];
  if (dimension === 'topic') keys = [m.activities.find((a) => a.id === f.fid)!.topic];
  if (dimension === 'format') keys = [m.activities.find((a) => a.id === f.fid)!.format];
  if (dimension === 'line') keys = [m.budgetLines.find((l) => l.id === f.fid)!.code];
  if (dimension === 'source') keys = [m.budgetLines.find((l) => l.id === f.fid)!.source];
  const unique = [...new Set(keys)];
  return unique.length > 0 ? unique : [''];
}

export function oracleBreakdown(m: RegistryModel, facts: Fact[], aggregateKind: string, dimension: string, filter: OracleFilter) {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!f.counted || !factIn(m, f, filter)) continue;
    for (const k of keysOf(m, f, dimension, filter)) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return new Map([...groups].map(([k, fs]) => [k, aggregate(aggregateKind, fs)]));
}
