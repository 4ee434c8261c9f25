import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { derivedActualsToDate, derivedBreakdown, derivedDimensions, type DerivedFilter, type DerivedIndicator } from '@/db/queries/derived';
import { DERIVATIONS, derivationKeys } from '@/lib/derivations';
import { periodContaining } from '@/lib/periods';
import type { Accumulation } from '@/lib/progress/types';
import { createTestDatabase } from '../support/db';
import { modelArb, loadModel } from '../support/derived-histories';
import { oracleBreakdown, oracleFacts, oracleTotal, type OracleSums, type RegistryModel } from '../support/derived-oracle';

// For random registry histories and budgets, every derived indicator's value, last registry change and every breakdown
// part equal the oracle in tests/support/derived-oracle.ts, with and without the overview's filters; parts of
// additive breakdowns add up to the total.

let handle: DbHandle;
let db: Db;
const plan = { id: 0, startDate: '2020-01-01', endDate: '2020-12-31' };

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
});

// Relative for large figures: the oracle adds money per line in floating point, the database in exact decimals.
const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

function expectSums(where: string, actual: OracleSums, expected: OracleSums) {
  const ok = close(actual.value, expected.value) && close(actual.numerator, expected.numerator) && close(actual.denominator, expected.denominator);
  expect(ok, `${where}: got ${JSON.stringify(actual)}, oracle ${JSON.stringify(expected)}`).toBe(true);
}

const asOfArb = fc.constantFrom('2020-02-29', '2020-06-30', '2020-08-15', '2020-11-15', '2020-12-31');
const regionsArb = fc.subarray(['maritime', 'continental'], { minLength: 1 });
const clusterIdsArb = fc.subarray([1, 2, 3], { minLength: 1 });
const filterArb: fc.Arbitrary<DerivedFilter> = fc.oneof(
  fc.record({ regions: regionsArb }),
  fc.record({ clusterIds: clusterIdsArb }),
  fc.record({ regions: regionsArb, clusterIds: clusterIdsArb }),
);
const accumulationArb = fc.constantFrom<Accumulation>('non_cumulative', 'cumulative', 'snapshot');

function windowOf(accumulation: Accumulation, asOf: string) {
  if (accumulation !== 'snapshot') return { from: plan.startDate, to: asOf };
  return { from: periodContaining('quarterly', asOf, plan.startDate, plan.endDate)?.start ?? plan.startDate, to: asOf };
}

async function checkAll(model: RegistryModel, asOf: string, filter: DerivedFilter, accumulation: Accumulation) {
  plan.id = await loadModel(db, model, plan);
  const indicators: DerivedIndicator[] = derivationKeys.map((k, i) => ({ id: i + 1, planId: plan.id, derivedKey: k, accumulation, frequency: 'quarterly' }));
  const actuals = await derivedActualsToDate(db, plan, asOf, indicators, filter);
  const { from, to } = windowOf(accumulation, asOf);
  for (const ind of indicators) {
    const key = ind.derivedKey!;
    const info = DERIVATIONS[key as keyof typeof DERIVATIONS];
    const facts = oracleFacts(model, key, info.kind, from, to);
    const expected = oracleTotal(model, facts, info.aggregate, filter);
    const row = actuals.get(ind.id)!;
    const got = { value: row.value, numerator: row.numerator, denominator: row.denominator };
    if (info.aggregate === 'percent') got.value = row.denominator ? (100 * row.numerator!) / row.denominator : null;
    expectSums(`${key} total`, got, expected);
    expect(row.lastUpdatedAt, `${key} last change`).toBe(expected.lastOn);
    for (const dimension of derivedDimensions(key)) {
      const parts = await derivedBreakdown(db, ind, plan, dimension, asOf, filter);
      const oracle = oracleBreakdown(model, facts, info.aggregate, dimension, filter);
      expect(parts.map((p) => p.key).sort(), `${key} by ${dimension}: members`).toEqual([...oracle.keys()].sort());
      for (const p of parts) expectSums(`${key} by ${dimension} [${p.key}]`, p, oracle.get(p.key)!);
      if (info.dimensions[dimension] === 'sum') {
        expect(close(parts.reduce((s, p) => s + (p.value ?? 0), 0), expected.value), `${key} by ${dimension} adds up`).toBe(true);
      }
    }
  }
}

describe('derived indicators against the oracle', () => {
  it('every value, last change and breakdown part, unfiltered', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, asOfArb, accumulationArb, (model, asOf, accumulation) => checkAll(model, asOf, {}, accumulation)),
      { numRuns: 25 },
    );
  }, 180_000);

  it('every value, last change and breakdown part under region and cluster filters', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, asOfArb, filterArb, accumulationArb, (model, asOf, filter, accumulation) => checkAll(model, asOf, filter, accumulation)),
      { numRuns: 25 },
    );
  }, 180_000);
});
