import type { Db } from '../client';
import { goalSdgTags, indicatorSdgTags } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The demo plan's SDG tags: the project is about cities (SDG 11) working in partnerships (SDG 17); its COVID-19
 * support is health preparedness (3.d) and its online training skills for e-commerce (4.4, 8.3).
 */
const GOAL_TAGS: Record<string, string[]> = {
  G1: ['11', '17', '17.17'],
  G2: ['11', '11.a'],
  G3: ['3.d'],
  G4: ['4.4', '8.3', '17.9'],
  G5: ['17.18'],
};
const INDICATOR_TAGS: Record<string, string[]> = {
  'G1.2': ['17.16'],
  'G4.1': ['4.4'],
};

export async function insertSdgTags(tx: Tx, goalIds: Map<string, number>, indicatorIds: Map<string, number>, taggedBy: string | null) {
  const goalRows = Object.entries(GOAL_TAGS).flatMap(([code, tags]) =>
    goalIds.has(code) ? tags.map((tag) => ({ goalId: goalIds.get(code)!, code: tag, taggedBy })) : [],
  );
  const indicatorRows = Object.entries(INDICATOR_TAGS).flatMap(([code, tags]) =>
    indicatorIds.has(code) ? tags.map((tag) => ({ indicatorId: indicatorIds.get(code)!, code: tag, taggedBy })) : [],
  );
  if (goalRows.length) await tx.insert(goalSdgTags).values(goalRows).onConflictDoNothing();
  if (indicatorRows.length) await tx.insert(indicatorSdgTags).values(indicatorRows).onConflictDoNothing();
}
