import { asc, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceFiles, progressUpdates } from '@/db/schema';
import { MAX_EVIDENCE_BYTES } from '@/lib/evidence/rules';
import { binaryBytes, elfBytes, exeBytes, htmlBytes, pdfBytes, pngBytes, svgBytes, zipBytes } from '../support/evidence-samples';
import { changedTables, securityEventTables, tableChecksums } from './support/checksums';
import { installChangeCounter } from './support/change-counter';
import { record } from './support/figures';
import { port } from './support/server';
import { startWorld, type World } from './support/world';

/**
 * Fuzzing evidence uploads over HTTP, against the production build on PostgreSQL: the log and correction forms'
 * server actions, as staff, with files of the wrong type (renamed executables, archives, markup, binary), empty,
 * oversized, too many, under hostile names and declared types. Every input: no 500, a refusal naming the files,
 * and no table changed. Then hostile names on good files: stored under a safe name, with an audit row.
 * RELIABILITY_UPLOAD_INPUTS sets the number of refused inputs (300 by default).
 */
const totalInputs = Number(process.env.RELIABILITY_UPLOAD_INPUTS ?? 300);

let world: World;

beforeAll(async () => {
  world = await startWorld(port(2), { JOBS: 'off' });
});

afterAll(async () => {
  await world?.close();
});

const hostileNames = [
  'report.pdf',
  'setup.exe',
  'invoice.pdf.exe',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\cmd.exe',
  'evil\u202Efdp.exe',
  'line\r\nContent-Type: text/html\r\n\r\n<script>.pdf',
  '<img src=x onerror=alert(1)>.png',
  '"; filename="evil.exe',
  '%2e%2e%2fsecret.csv',
  '',
  ' ',
  '.',
  '..',
  'CON',
  '名单.xlsx',
  '😀👍🏽.jpg',
  'a'.repeat(5000) + '.pdf',
];

const declaredTypes = ['application/pdf', 'image/png', 'text/csv', 'text/plain', 'application/octet-stream', 'application/x-msdownload', 'image/svg+xml', ''];

type Sample = { content: () => Uint8Array; refused: boolean };
const javaClass = () => Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x34, ...new Array(24).fill(0)]);
const gzip = () => Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, ...new Array(20).fill(0)]);
const badSamples: Sample[] = [exeBytes, elfBytes, zipBytes, htmlBytes, svgBytes, binaryBytes, javaClass, gzip].map((content) => ({ content, refused: true }));
const empty: Sample = { content: () => new Uint8Array(0), refused: true };
/** Names an empty file keeps: with no name and no bytes it is what a file input with no file chosen sends. */
const namedEmpty = fc.record({ name: fc.constantFrom('blank.pdf', 'setup.exe', '名单.xlsx', '<b>.csv', 'a\u202Eb.png'), type: fc.constantFrom(...declaredTypes) }).map((f) => file(empty, f.name, f.type));
const oversize: Sample = { content: () => new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x41), refused: true };
const goodSamples: Sample[] = [pdfBytes, pngBytes].map((content) => ({ content, refused: false }));

const file = (sample: Sample, name: string, type: string) => new File([sample.content() as BlobPart], name, { type });

const anyFile = (samples: Sample[]) =>
  fc.record({ sample: fc.constantFrom(...samples), name: fc.constantFrom(...hostileNames), type: fc.constantFrom(...declaredTypes) }).map((f) => file(f.sample, f.name, f.type));

/** A set of files the server must refuse whole: at least one bad file among good ones, or more than five. */
const refusedUpload = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(anyFile(badSamples), fc.array(anyFile(goodSamples), { maxLength: 3 })).map(([bad, good]) => [...good, bad]) },
  { weight: 1, arbitrary: fc.tuple(namedEmpty, fc.array(anyFile(goodSamples), { maxLength: 2 })).map(([blank, good]) => [blank, ...good]) },
  { weight: 1, arbitrary: fc.tuple(anyFile([oversize]), fc.array(anyFile(goodSamples), { maxLength: 2 })).map(([big, good]) => [big, ...good]) },
  { weight: 2, arbitrary: fc.array(anyFile([...goodSamples, ...badSamples]), { minLength: 6, maxLength: 8 }) },
);

/** What the refusal says: each is an evidence-files error of the catalog. */
const refusalText = /was not saved|At most 5 files|could not be read/;

describe('fuzzing evidence uploads over HTTP', () => {
  it(`${totalInputs} hostile uploads to the log and correction forms: never a 500, refused by the files field, nothing written`, { timeout: 1_200_000 }, async () => {
    const staff = world.clients.staff;
    const log = world.actions.find((a) => a.key.endsWith('updates/new/actions.ts#logProgressAction'))!;
    const correct = world.actions.find((a) => a.key.endsWith('updates/[id]/actions.ts#correctUpdateAction'))!;
    const db = world.db.db;
    // An update of the demo's that a correction may change (not approved, not withdrawn).
    const [target] = await db
      .select()
      .from(progressUpdates)
      .where(inArray(progressUpdates.status, ['submitted', 'returned', 'draft']))
      .orderBy(asc(progressUpdates.id))
      .limit(1);
    expect(target, 'a correctable update in the demo').toBeDefined();
    const changeCount = await installChangeCounter(db, securityEventTables);
    const before = await tableChecksums(db, { exclude: securityEventTables });
    let count = await changeCount();
    const failures: string[] = [];
    let tried = 0;
    let fiveHundreds = 0;
    let refused = 0;

    const probe = async (which: 'log' | 'correct', files: File[]) => {
      const form = new FormData();
      const fields: Record<string, string> =
        which === 'log'
          ? { indicator: 'G5.2', plan: '2020', period: '2020-Q4', numerator: '40', denominator: '100', note: 'fuzz', evidenceUrl: '', intent: 'submit', idempotencyKey: crypto.randomUUID(), confirmPlausibility: 'yes' }
          : { updateId: String(target!.id), version: String(target!.version), value: String(target!.value ?? 1), numerator: String(target!.numerator ?? ''), denominator: String(target!.denominator ?? ''), milestone: '', note: 'fuzz', evidenceUrl: '', reason: 'fuzz' };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      for (const f of files) form.append('evidenceFiles', f);
      const response = await staff.action(which === 'log' ? log : correct, [{}, form], {}, false);
      tried++;
      const where = `${which} with ${files.map((f) => `${JSON.stringify(f.name.slice(0, 40))} (${f.size} B, ${f.type || 'no type'})`).join(', ')}: ${response.status}`;
      if (response.status >= 500) {
        fiveHundreds++;
        failures.push(`${where} ${response.body.slice(0, 200)}`);
      } else if (!refusalText.test(response.body)) failures.push(`${where}: not refused by the files field: ${response.body.slice(0, 300)}`);
      else refused++;
      const now = await changeCount();
      if (now !== count) {
        count = now;
        failures.push(`${where}: changed ${changedTables(before, await tableChecksums(db, { exclude: securityEventTables })).join(', ')}`);
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.constantFrom('log' as const, 'log' as const, 'correct' as const), refusedUpload, (which, files) => probe(which, files)),
      { numRuns: totalInputs, seed: Number(process.env.RELIABILITY_FUZZ_SEED ?? 20201115), endOnFailure: true },
    );
    const after = await tableChecksums(db, { exclude: securityEventTables });
    record('inputs tried', tried);
    record('500s', fiveHundreds);
    record('hostile uploads refused', refused);
    process.stdout.write(`upload fuzz: ${tried} inputs, ${refused} refused by the files field, ${fiveHundreds} 500s\n`);
    const errors = failures.length ? [...new Set(world.server.json().filter((l) => l.event === 'http.error').map((l) => `${l.routePath} ${l.name}: ${String(l.message).slice(0, 160)}`))] : [];
    expect(failures.slice(0, 20), errors.slice(0, 10).join('\n')).toEqual([]);
    expect(changedTables(before, after)).toEqual([]);
    expect(tried).toBe(totalInputs);
  });

  it('good files under hostile names: stored under safe names and downloaded under safe headers', { timeout: 300_000 }, async () => {
    const staff = world.clients.staff;
    const log = world.actions.find((a) => a.key.endsWith('updates/new/actions.ts#logProgressAction'))!;
    const db = world.db.db;
    const stored: string[] = [];
    const refusedNames: string[] = [];
    for (const [i, name] of hostileNames.entries()) {
      const form = new FormData();
      const key = crypto.randomUUID();
      for (const [k, v] of Object.entries({ indicator: 'G5.3', plan: '2020', period: '2020-Q4', numerator: String(40 + i), denominator: '100', note: 'Checked (fuzz)', evidenceUrl: '', intent: 'draft', idempotencyKey: key, confirmPlausibility: 'yes' })) form.append(k, v);
      form.append('evidenceFiles', new File([(i % 2 ? pngBytes() : pdfBytes()) as BlobPart], name, { type: 'application/x-msdownload' }));
      const response = await staff.action(log, [{}, form], {}, false);
      expect(response.status, `${JSON.stringify(name.slice(0, 40))}: ${response.body.slice(0, 200)}`).toBeLessThan(400);
      const [update] = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(eq(progressUpdates.idempotencyKey, key));
      if (!update) {
        // Next hands a part whose name it reduces to nothing ("..") to the action as text: refused, nothing stored.
        expect(response.body, JSON.stringify(name)).toContain('could not be read');
        refusedNames.push(name);
        continue;
      }
      const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.updateId, update!.id));
      stored.push(row!.name);
      expect(row!.name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/);
      expect(row!.name).toMatch(i % 2 ? /\.png$/ : /\.pdf$/);
      expect([...row!.name].length).toBeLessThanOrEqual(150);
      // The download names it safely too.
      const download = await staff.download(`/api/evidence/${row!.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      expect(download.headers.get('content-type')).toBe(i % 2 ? 'image/png' : 'application/pdf');
    }
    record('inputs tried', hostileNames.length);
    process.stdout.write(`hostile names: ${stored.length} stored safely, refused as unreadable: ${JSON.stringify(refusedNames)}\n`);
    expect(stored.length).toBeGreaterThan(hostileNames.length - 5);
  });

  it('a file name with a NUL (no browser can send one) is refused by Next before the action runs, writing nothing', { timeout: 300_000 }, async () => {
    const staff = world.clients.staff;
    const log = world.actions.find((a) => a.key.endsWith('updates/new/actions.ts#logProgressAction'))!;
    const db = world.db.db;
    const before = await tableChecksums(db, { exclude: securityEventTables });
    const form = new FormData();
    for (const [k, v] of Object.entries({ indicator: 'G5.2', plan: '2020', period: '2020-Q4', numerator: '1', denominator: '100', intent: 'submit', idempotencyKey: crypto.randomUUID() })) form.append(k, v);
    form.append('evidenceFiles', new File([pdfBytes() as BlobPart], 'nul\u0000byte.pdf', { type: 'application/pdf' }));
    const response = await staff.action(log, [{}, form], {}, false);
    // Still a 500 with Next 16.4 (checked on the production build): the NUL is in the body's part header
    // (`Content-Disposition: form-data; name="evidenceFiles"; filename="nul\0byte.pdf"`), which the busboy bundled
    // in next/dist/compiled/next-server/app-page*.runtime.prod.js refuses ("Error: Malformed part header"). That
    // happens in Next's action handler (next/dist/server/app-render/action-handler.js, the branch of a fetch action
    // with a multipart body: pipeline(body, sizeLimitTransform, busboy) beside decodeReplyFromBusboy), which
    // rethrows it; the request is logged as http.error with no user, before authentication or any action code, as
    // support/undecodable.ts lists for raw bodies. The proxy cannot refuse it earlier: its method, headers,
    // content type and length are those of any upload, and telling would mean reading the body (up to the 51 MB
    // action limit) in the proxy. Evidence files arrive only this way (the log and correction forms' server
    // actions; no route handler takes them), and so would any other file posted to a server action. Operating
    // systems allow no NUL in a file name, so no browser sends one.
    process.stdout.write(`a file name with a NUL: ${response.status}\n`);
    expect(changedTables(before, await tableChecksums(db, { exclude: securityEventTables }))).toEqual([]);
  });

  it('a body over the server actions limit is refused without a 500 and writes nothing', { timeout: 300_000 }, async () => {
    const staff = world.clients.staff;
    const log = world.actions.find((a) => a.key.endsWith('updates/new/actions.ts#logProgressAction'))!;
    const db = world.db.db;
    const before = await tableChecksums(db, { exclude: securityEventTables });
    const form = new FormData();
    for (const [k, v] of Object.entries({ indicator: 'G5.2', plan: '2020', period: '2020-Q4', numerator: '1', denominator: '100', intent: 'submit', idempotencyKey: crypto.randomUUID() })) form.append(k, v);
    for (let i = 0; i < 6; i++) form.append('evidenceFiles', new File([new Uint8Array(9 * 1024 * 1024).fill(0x25) as BlobPart], `big-${i}.pdf`, { type: 'application/pdf' }));
    const response = await staff.action(log, [{}, form], {}, false);
    process.stdout.write(`a 54 MB body: ${response.status}\n`);
    expect(response.status).toBe(413);
    expect(changedTables(before, await tableChecksums(db, { exclude: securityEventTables }))).toEqual([]);
  });
});
