import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_XLSX_LIMITS } from '@/db/queries/plan-admin/workbook';
import { workPlans } from '@/db/schema';
import { serverActionAccess } from '@/lib/auth/route-access';
import { REGISTRY_XLSX_LIMITS } from '@/data/registries-files';
import { localeCookie } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en';
import { XlsxRefused, xlsxRefusalMessage, type XlsxLimits, type XlsxRefusal } from '@/lib/xlsx-archive';
import { treePssMb } from '../../bench/lib/process-tree';
import { bomb, declareSizes, manyParts, notZip, workbookBytes } from '../support/xlsx-archives';
import { installChangeCounter } from './support/change-counter';
import { changedTables, securityEventTables, tableChecksums } from './support/checksums';
import { record } from './support/figures';
import { Client, type ServerAction } from './support/http';
import { port } from './support/server';
import { startWorld, type World } from './support/world';

/**
 * Crafted XLSX archives over HTTP: the production server on PostgreSQL; staff posts each one to every registry
 * import and an admin to the plan workbook import, as the browser posts the forms. Every answer is the import's
 * own refusal (no 500, promptly), the server's memory stays far below what the archives unpack to, and no table
 * changes. (The progress-update import reads its file in the browser and posts rows, never the archive.)
 */
const BOMB_BYTES = 256 * 1024 * 1024;
/**
 * Well under what the bomb unpacks to. Reading the sheet of too many rows (within the unpacked limit, so exceljs
 * parses it before its rows are counted) costs the most of these uploads and varies with garbage collection and
 * the machine; an unchecked bomb alone grows the server by several hundred MB, so this bound still tells them apart.
 */
const MEMORY_GROWTH_MB = 400;
const REFUSAL_MS = 15_000;

type Case = { name: string; file: Uint8Array; registry: Expected; plan: Expected };
/** An XlsxRefused reason (its files.xlsx message), or another message key of the import. */
type Expected = XlsxRefusal | `key:${string}`;

const t = createTranslator({ locale: 'en', messages: en as Record<string, unknown> }) as unknown as (key: string, values?: Record<string, number>) => string;
const text = (expected: Expected, limits: XlsxLimits) => {
  if (expected.startsWith('key:')) return t(expected.slice(4));
  const { key, values } = xlsxRefusalMessage(new XlsxRefused(expected as XlsxRefusal, limits));
  return t(`files.xlsx.${key}`, values);
};

let world: World;
let planId: number;
let registryImports: ServerAction[];
let planImport: ServerAction;
const english = (role: 'staff' | 'admin') => {
  const client = new Client(world.server.baseUrl);
  client.cookies = new Map(world.clients[role].cookies);
  client.cookies.set(localeCookie, 'en');
  return client;
};

beforeAll(async () => {
  // Without scheduled jobs: their rows (job runs, reminders) are not the import's, and would read as its writes.
  world = await startWorld(port(5), { JOBS: 'off' });
  registryImports = world.actions.filter((a) => serverActionAccess[a.key] === 'registry.import');
  planImport = world.actions.find((a) => a.key.endsWith('plans/[year]/import/actions.ts#importPlanAction'))!;
  // A draft, which the plan import may change: only the refusal stands between these files and a write.
  const [plan] = await world.db.db
    .insert(workPlans)
    .values({ year: 2020, title: 'Draft revision of the 2020 plan', status: 'draft', startDate: '2020-01-01', endDate: '2020-12-31' })
    .returning();
  planId = plan!.id;
});

afterAll(async () => {
  await world?.close();
});

function upload(file: Uint8Array, name: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new File([file as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return form;
}

describe('crafted XLSX archives over HTTP', () => {
  it('every import answers its refusal promptly, memory stays bounded, nothing is written', async () => {
    const planSheets = ['Goals', 'Indicators'];
    const bombFile = await bomb(BOMB_BYTES, planSheets);
    const cases: Case[] = [
      { name: 'zip bomb', file: bombFile, registry: 'unpacked_too_large', plan: 'unpacked_too_large' },
      { name: 'thousands of parts', file: await manyParts(3000, planSheets), registry: 'too_many_entries', plan: 'too_many_entries' },
      { name: 'too many rows', file: await workbookBytes(Math.max(REGISTRY_XLSX_LIMITS.rows, PLAN_XLSX_LIMITS.rows) + 5, planSheets), registry: 'too_many_rows', plan: 'too_many_rows' },
      // The bomb again, its entries claiming 4 KB each: each is inflated no further than its claim, so the
      // sheet is cut short and the file cannot be read.
      { name: 'entry understating its size', file: declareSizes(bombFile, 4096), registry: 'key:registries.import.unreadable', plan: 'key:plans.import.fileUnreadable' },
      { name: 'renamed non-zip file', file: notZip(), registry: 'not_zip', plan: 'key:plans.import.fileUnreadable' },
    ];
    // Small enough for a server action's body limit and every import's file-size limit: refused for what they unpack to.
    for (const c of cases) expect(c.file.byteLength, c.name).toBeLessThan(1024 * 1024);

    const staff = english('staff');
    const admin = english('admin');
    expect(registryImports.map((a) => a.key.split('#')[1]).sort()).toEqual(
      ['importActivitiesAction', 'importCitiesAction', 'importClustersAction', 'importPartnersAction', 'importSupportRequestsAction'],
    );
    // Real workbooks are read, and the plan's is imported: the uploads below are refused for their content, not
    // for how they were posted, and a write would be seen. This also loads exceljs before memory is measured.
    for (const action of registryImports) {
      const r = await staff.action(action, [{}, upload(await workbookBytes(3), 'rows.xlsx', { step: 'check' })]);
      expect(r.status, action.key).toBe(200);
      expect(r.body, action.key).toContain(JSON.stringify(t('registries.import.summary', { valid: 0, invalid: 3 })).slice(1, -1));
    }
    const exported = await admin.download('/api/plans/2020/export');
    expect(exported.status).toBe(200);
    const beforeControl = await tableChecksums(world.db.db, { exclude: securityEventTables });
    const control = await admin.action(planImport, [{}, upload(exported.bytes, 'work-plan-2020.xlsx', { planId: String(planId) })]);
    expect(control.body).toContain('"ok":true');
    expect(changedTables(beforeControl, await tableChecksums(world.db.db, { exclude: securityEventTables }))).toEqual(
      expect.arrayContaining(['audit_log', 'goals', 'indicators']),
    );

    const before = await tableChecksums(world.db.db, { exclude: securityEventTables });
    const changeCount = await installChangeCounter(world.db.db, securityEventTables);
    let count = await changeCount();
    const pid = world.server.process.pid!;
    const baselineMb = treePssMb(pid);
    let peakMb = baselineMb;
    let caseStartMb = baselineMb;
    let casePeakMb = baselineMb;
    const growthByCase: string[] = [];
    const sampler = setInterval(() => {
      const now = treePssMb(pid);
      peakMb = Math.max(peakMb, now);
      casePeakMb = Math.max(casePeakMb, now);
    }, 100);
    const problems: string[] = [];
    let refused = 0;
    let slowestMs = 0;
    try {
      for (const c of cases) {
        caseStartMb = treePssMb(pid);
        casePeakMb = caseStartMb;
        const targets = [
          ...registryImports.map((action) => ({ action, client: staff, form: () => upload(c.file, 'upload.xlsx', { step: 'check' }), message: text(c.registry, REGISTRY_XLSX_LIMITS) })),
          { action: planImport, client: admin, form: () => upload(c.file, 'plan.xlsx', { planId: String(planId) }), message: text(c.plan, PLAN_XLSX_LIMITS) },
        ];
        for (const { action, client, form, message } of targets) {
          const where = `${c.name} → ${action.key}`;
          const started = Date.now();
          const r = await client.action(action, [{}, form()], {}, true, AbortSignal.timeout(REFUSAL_MS * 2));
          const ms = Date.now() - started;
          slowestMs = Math.max(slowestMs, ms);
          if (r.status !== 200) problems.push(`${where}: status ${r.status}`);
          else if (!r.body.includes(JSON.stringify(message).slice(1, -1))) problems.push(`${where}: not "${message}" but ${r.body.slice(-300)}`);
          else refused++;
          if (ms > REFUSAL_MS) problems.push(`${where}: ${ms} ms`);
          const now = await changeCount();
          if (now !== count) problems.push(`${where}: wrote to the database`);
          count = now;
        }
        growthByCase.push(`${c.name} +${casePeakMb - caseStartMb} MB`);
      }
    } finally {
      clearInterval(sampler);
    }
    const growthMb = peakMb - baselineMb;
    record('crafted archives refused', refused);
    record('crafted archives: peak server memory growth (MB, PSS)', growthMb);
    process.stdout.write(`archives: ${refused} refused, slowest ${slowestMs} ms, server PSS ${baselineMb} MB → peak ${peakMb} MB (${growthByCase.join(', ')})\n`);

    const errors = world.server.json().filter((l) => typeof l.status === 'number' && l.status >= 500);
    record('500s', errors.length);
    if (errors.length) problems.push(`${errors.length} answers of 500 or more`);
    if (growthMb >= MEMORY_GROWTH_MB) problems.push(`server memory grew by ${growthMb} MB (${growthByCase.join(', ')})`);
    expect(problems).toEqual([]);
    expect(refused).toBe(cases.length * (registryImports.length + 1));
    // Every table, the audit log among them, holds exactly the rows it held before.
    expect(changedTables(before, await tableChecksums(world.db.db, { exclude: securityEventTables }))).toEqual([]);
    expect((await world.clients.anonymous.get('/api/health')).status).toBe(200);
    expect(world.server.process.exitCode).toBeNull();
  });
});
