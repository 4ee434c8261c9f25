import 'server-only';

/**
 * The progress import's writes, for its server action. Apart from ./updates.ts: the import's modules bring the
 * spreadsheet readers, which the pages whose forms only log, review or lock updates need not load.
 */
export { importChunkRequest, importRequestSchema } from '@/db/queries/updates/import';
