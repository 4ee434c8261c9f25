import { relations } from 'drizzle-orm';
import { goals, indicators, indicatorTargets, workPlans } from './plans';
import { progressUpdates } from './progress';
import { users } from './users';

export const workPlansRelations = relations(workPlans, ({ many }) => ({
  goals: many(goals),
}));

export const goalsRelations = relations(goals, ({ one, many }) => ({
  plan: one(workPlans, { fields: [goals.planId], references: [workPlans.id] }),
  indicators: many(indicators),
}));

export const indicatorsRelations = relations(indicators, ({ one, many }) => ({
  goal: one(goals, { fields: [indicators.goalId], references: [goals.id] }),
  owner: one(users, { fields: [indicators.ownerId], references: [users.id] }),
  targets: many(indicatorTargets),
  updates: many(progressUpdates),
}));

export const indicatorTargetsRelations = relations(indicatorTargets, ({ one }) => ({
  indicator: one(indicators, { fields: [indicatorTargets.indicatorId], references: [indicators.id] }),
}));

export const progressUpdatesRelations = relations(progressUpdates, ({ one }) => ({
  indicator: one(indicators, { fields: [progressUpdates.indicatorId], references: [indicators.id] }),
  reporter: one(users, { fields: [progressUpdates.reportedBy], references: [users.id] }),
}));
