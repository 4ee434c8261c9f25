import 'server-only';

/**
 * The progress updates' writes that their server actions call (log, correct, submit, withdraw, review, lock, import,
 * remove evidence), the read-only flag previews of the log and correction forms, and the update lookup they start
 * from: each write a db/queries function that writes its change and its audit row in one transaction. Actions
 * authorize through the policy (data/action.ts) before calling them; app/ reaches the database only through data/.
 */
export { approveUpdates, correctUpdate, reviewUpdate, submitUpdate, withdrawUpdate } from '@/db/queries/updates/changes';
export { createUpdate } from '@/db/queries/updates/create';
export { removeEvidence } from '@/db/queries/updates/evidence-remove';
export { previewCorrectionFlags, previewFlags } from '@/db/queries/updates/flag-preview';
export { findUpdateWithIndicator } from '@/db/queries/updates/history';
export { importChunkRequest, importRequestSchema } from '@/db/queries/updates/import';
export { lockPeriod, unlockPeriod } from '@/db/queries/updates/locks';
export { decideWithdrawal, requestWithdrawal } from '@/db/queries/updates/withdrawals';
