import { createHash, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { auditLog, evidenceFiles, progressUpdates, progressUpdateVersions, users } from '@/db/schema';
import { logProgressAction } from '@/app/(dashboard)/updates/new/actions';
import { correctUpdateAction, removeEvidenceAction } from '@/app/(dashboard)/updates/[id]/actions';
import { GET as downloadEvidence } from '@/app/api/evidence/[id]/route';
import { loadEvidence } from '@/data/evidence';
import { MAX_EVIDENCE_BYTES } from '@/lib/evidence/rules';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { digestOf, request, signInAs, signOut } from '../support/action-request';
import { binaryBytes, csvBytes, elfBytes, exeBytes, file, htmlBytes, pdfBytes, pngBytes, svgBytes, xlsxBytes, zipBytes } from '../support/evidence-samples';
import { seedUpdatesWorld, type World } from './updates-support';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

let handle: DbHandle;
let w: World;
let committee: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  w = await seedUpdatesWorld(handle.db);
  const [row] = await handle.db.insert(users).values({ email: `committee-${randomUUID()}@t.org`, name: 'Cleo Committee', role: 'committee' }).returning();
  committee = row!.id;
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  request.revalidated.length = 0;
});

const asStaff = () => signInAs({ id: w.staff.id, role: 'staff' });
const asAdmin = () => signInAs({ id: w.admin.id, role: 'admin' });
const asCommittee = () => signInAs({ id: committee, role: 'committee' });

/** The log form as the browser posts it, with files under the evidence field. */
function logForm(files: File[], over: Record<string, string> = {}): FormData {
  const data = new FormData();
  const fields = { indicator: 'G1.2', plan: '2020', period: '2020-Q1', cityId: String(w.cities[0]!.id), value: '3', note: '', evidenceUrl: '', intent: 'submit', idempotencyKey: randomUUID(), ...over };
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  for (const f of files) data.append('evidenceFiles', f);
  return data;
}

/** Everything an update write with files touches. */
async function counts() {
  const n = async (table: typeof progressUpdates | typeof progressUpdateVersions | typeof auditLog | typeof evidenceFiles) =>
    (await handle.db.select({ n: count() }).from(table))[0]!.n;
  return { updates: await n(progressUpdates), versions: await n(progressUpdateVersions), audit: await n(auditLog), files: await n(evidenceFiles) };
}

/** Logs an update (a redirect is the success); answers its id. */
async function logWith(files: File[], over: Record<string, string> = {}): Promise<number> {
  const key = randomUUID();
  await expect(logProgressAction({}, logForm(files, { ...over, idempotencyKey: key }))).rejects.toSatisfy((e) => digestOf(e).startsWith('NEXT_REDIRECT'));
  const [row] = await handle.db.select({ id: progressUpdates.id }).from(progressUpdates).where(eq(progressUpdates.idempotencyKey, key));
  return row!.id;
}

const filesOf = (updateId: number) => handle.db.select().from(evidenceFiles).where(eq(evidenceFiles.updateId, updateId)).orderBy(evidenceFiles.id);

async function download(fileId: number | string) {
  return downloadEvidence(new Request(`http://localhost/api/evidence/${fileId}`), { params: Promise.resolve({ id: String(fileId) }) });
}

describe(`evidence files on ${driverUnderTest}`, () => {
  it('stores the allowed types with the update, typed by content, each attachment audited', async () => {
    asStaff();
    const xlsx = await xlsxBytes();
    const before = await counts();
    const id = await logWith([
      file(pdfBytes(), 'minutes.pdf'),
      // The browser's type and the name are not what decides: a PNG sent as "photo.jpg" with a wrong type.
      file(pngBytes(), 'photo.jpg', 'image/jpeg'),
      file(csvBytes(), 'attendance.csv', 'text/csv'),
      file(xlsx, '名单.xlsx', 'application/octet-stream'),
    ]);
    const stored = await filesOf(id);
    expect(stored.map((f) => [f.name, f.mime])).toEqual([
      ['minutes.pdf', 'application/pdf'],
      ['photo.jpg.png', 'image/png'],
      ['attendance.csv', 'text/csv'],
      ['名单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(stored[0]!.size).toBe(pdfBytes().byteLength);
    expect(stored[0]!.sha256).toBe(createHash('sha256').update(pdfBytes()).digest('hex'));
    expect(Buffer.from(stored[3]!.content).equals(Buffer.from(xlsx))).toBe(true);
    expect(stored.every((f) => f.uploadedBy === w.staff.id)).toBe(true);
    const after = await counts();
    expect(after).toEqual({ updates: before.updates + 1, versions: before.versions, audit: before.audit + 5, files: before.files + 4 });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['progress.create', ...new Array(4).fill('progress.evidence.attach')]);
    expect(audit[1]!.after).toMatchObject({ name: 'minutes.pdf', mime: 'application/pdf', size: pdfBytes().byteLength });
  });

  it.each([
    ['a renamed Windows executable', () => [file(exeBytes(), 'report.pdf')], 'is not a PDF, image'],
    ['a renamed Linux executable', () => [file(elfBytes(), 'data.csv', 'text/csv')], 'is not a PDF, image'],
    ['a plain zip archive', () => [file(zipBytes(), 'bundle.docx')], 'is not a PDF, image'],
    ['an HTML page sent as text', () => [file(htmlBytes(), 'notes.txt', 'text/plain')], 'is not a PDF, image'],
    ['an SVG image (markup that can run script)', () => [file(svgBytes(), 'chart.svg', 'image/svg+xml')], 'is not a PDF, image'],
    ['binary content with no signature', () => [file(binaryBytes(), 'table.csv', 'text/csv')], 'is not a PDF, image'],
    ['an empty file', () => [file(new Uint8Array(0), 'blank.pdf')], 'is empty'],
    ['a file over 10 MB', () => [file(new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x25), 'scan.pdf')], 'larger than 10 MB'],
    ['six files', () => Array.from({ length: 6 }, (_, i) => file(pdfBytes(), `p${i}.pdf`)), 'At most 5 files'],
    ['one good file beside a bad one', () => [file(pdfBytes(), 'good.pdf'), file(exeBytes(), 'setup.exe')], 'is not a PDF, image'],
  ])('refuses %s under the files field and writes nothing', async (_what, make, message) => {
    asStaff();
    const before = await counts();
    const answer = await logProgressAction({}, logForm(make()));
    expect(answer.ok).toBe(false);
    expect(answer.errors?.evidenceFiles?.join(' ')).toContain(message);
    expect(answer.message).toBe('Nothing was saved. Correct the fields marked below.');
    expect(await counts()).toEqual(before);
  });

  it('refuses text posted under the files field (a file part that lost its name), writing nothing', async () => {
    asStaff();
    const before = await counts();
    const form = logForm([file(pdfBytes(), 'good.pdf')]);
    form.append('evidenceFiles', 'MZ\u0090 not a file');
    const answer = await logProgressAction({}, form);
    expect(answer.errors?.evidenceFiles?.join(' ')).toContain('could not be read');
    expect(await counts()).toEqual(before);
  });

  it('ignores an empty file input (no file chosen)', async () => {
    asStaff();
    // As the browser's React encoding delivers an input with no file chosen: no bytes, no name or "undefined".
    const id = await logWith([new File([], '', { type: 'application/octet-stream' }), new File([], 'undefined', { type: 'application/octet-stream' })], { period: '2020-Q2' });
    expect(await filesOf(id)).toEqual([]);
  });

  it('stores a hostile name made safe: no folders, no control or direction characters, the detected extension', async () => {
    asStaff();
    const id = await logWith([file(pdfBytes(), '..\\..\\C:/evil\u202Efdp.exe\r\nX-Header: 1')], { period: '2020-Q3' });
    const [stored] = await filesOf(id);
    expect(stored!.name).not.toMatch(/[\\/\r\n\u202E:]/);
    expect(stored!.name.endsWith('.pdf')).toBe(true);
  });

  it('attaches files on a correction up to five in all, refusing a sixth without changing anything', async () => {
    asStaff();
    const id = await logWith([file(pdfBytes(), 'a.pdf'), file(pdfBytes(), 'b.pdf'), file(pdfBytes(), 'c.pdf')], { period: '2020-Q4' });
    const correct = (version: number, files: File[]) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ updateId: String(id), version: String(version), value: '4', note: '', evidenceUrl: '', reason: 'Add the photos' })) data.set(k, v);
      for (const f of files) data.append('evidenceFiles', f);
      return correctUpdateAction({}, data);
    };
    const before = await counts();
    const refused = await correct(1, [file(pngBytes(), 'x.png'), file(pngBytes(), 'y.png'), file(pngBytes(), 'z.png')]);
    expect(refused.ok).toBe(false);
    expect(refused.errors?.evidenceFiles?.join(' ')).toContain('At most 5 files');
    expect(await counts()).toEqual(before);
    await expect(correct(1, [file(pngBytes(), 'x.png'), file(pngBytes(), 'y.png')])).rejects.toSatisfy((e) => digestOf(e).startsWith('NEXT_REDIRECT'));
    expect((await filesOf(id)).map((f) => f.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'x.png', 'y.png']);
    const [row] = await handle.db.select().from(progressUpdates).where(eq(progressUpdates.id, id));
    expect([row!.version, row!.value]).toEqual([2, 4]);
    // A bad type on a correction changes neither the figures nor the files.
    const unchanged = await counts();
    const bad = await correct(2, [file(exeBytes(), 'update.pdf')]);
    expect(bad.ok).toBe(false);
    expect(await counts()).toEqual(unchanged);
  });

  it('removes a file with an audit row, and refuses to on an approved update', async () => {
    asStaff();
    const id = await logWith([file(pdfBytes(), 'keep.pdf'), file(csvBytes(), 'drop.csv')], { indicator: 'G1.5', value: '10', cityId: '' });
    const [, drop] = await filesOf(id);
    const form = (fileId: number) => {
      const data = new FormData();
      data.set('fileId', String(fileId));
      return data;
    };
    expect(await removeEvidenceAction({}, form(drop!.id))).toMatchObject({ ok: true, message: 'Removed “drop.csv”.' });
    expect((await filesOf(id)).map((f) => f.name)).toEqual(['keep.pdf']);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'progress.evidence.remove'));
    expect(audit).toMatchObject({ actorId: w.staff.id, entityId: String(id), before: { name: 'drop.csv', mime: 'text/csv' } });
    await handle.db.update(progressUpdates).set({ status: 'approved' }).where(eq(progressUpdates.id, id));
    const before = await counts();
    const [keep] = await filesOf(id);
    const refused = await removeEvidenceAction({}, form(keep!.id));
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('approved');
    expect(await counts()).toEqual(before);
    expect(await removeEvidenceAction({}, form(999_999))).toMatchObject({ ok: false });
    asCommittee();
    await expect(removeEvidenceAction({}, form(keep!.id))).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
  });

  it('serves a file as a download with the safe headers, only to those who may read it', async () => {
    asStaff();
    const submitted = await logWith([file(pdfBytes(), 'rapport final "v2".pdf')], { indicator: 'G1.5', value: '20', cityId: '', period: '2020-Q2' });
    const draft = await logWith([file(pngBytes(), 'draft.png')], { indicator: 'G1.5', value: '30', cityId: '', period: '2020-Q3', intent: 'draft' });
    const [pdf] = await filesOf(submitted);
    const [png] = await filesOf(draft);

    const ok = await download(pdf!.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="rapport final _v2_.pdf"; filename*=UTF-8''rapport%20final%20_v2_.pdf`);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(ok.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await ok.arrayBuffer()).equals(Buffer.from(pdfBytes()))).toBe(true);

    // Staff and admins read drafts' files; the committee reads submitted ones, never a draft's (404, as if none).
    expect((await download(png!.id)).status).toBe(200);
    asAdmin();
    expect((await download(png!.id)).status).toBe(200);
    asCommittee();
    expect((await download(pdf!.id)).status).toBe(200);
    expect((await download(png!.id)).status).toBe(404);
    const shown = await loadEvidence([{ id: submitted, status: 'submitted' }, { id: draft, status: 'draft' }]);
    expect(shown.get(submitted)?.map((f) => f.name)).toEqual([pdf!.name]);
    expect(shown.get(draft)).toBeNull();
    for (const bad of ['0', '-1', 'abc', '1e3', '99999999999999999999', '999999']) expect((await download(bad)).status).toBe(404);
    signOut();
    expect((await download(pdf!.id)).status).toBe(401);
  });
});
