import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action } from '@/lib/auth/policy';
import { routeAccess, serverActionAccess } from '@/lib/auth/route-access';
import { record } from './support/figures';
import { changedTables, securityEventTables, tableChecksums } from './support/checksums';
import { installChangeCounter } from './support/change-counter';
import { malformedArgs, queryString, wellTypedArgs, type ActionArgs, type ParamKind } from './support/fuzz-inputs';
import { actionParams } from './support/signatures';
import { undecodableBody } from './support/undecodable';
import { port } from './support/server';
import { startWorld, type Role, type World } from './support/world';

/**
 * Fuzzing every mutation over HTTP: the production server on PostgreSQL, every server action
 * of the build, as each principal, with generated hostile inputs. After every input: no 500, and the checksum
 * of every table except the security-event tables is unchanged unless the input was accepted — in which case
 * the change came with its audit row. RELIABILITY_FUZZ_INPUTS sets the total (10,000 by default).
 */
const totalInputs = Number(process.env.RELIABILITY_FUZZ_INPUTS ?? 10_000);
const principals = ['anonymous', 'committee', 'staff', 'admin'] as const;
/** Would end the test's own sessions; exercised by their own tests. */
const excluded = new Set(['app/(dashboard)/actions.ts#signOutAction', 'app/(dashboard)/account/actions.ts#signOutEverywhereAction']);
/** A preference, not a record: changing it writes no audit row by design. */
const unaudited = new Set(['app/locale-actions.ts#setLocaleAction']);
const knowledgeSnapshotTables = new Set(['progress_as_of_snapshots', 'progress_as_of_snapshot_rows']);

let world: World;

beforeAll(async () => {
  // No scheduled jobs in this server: reminders and their run records would change tables between two probes,
  // and the change counter here attributes every change to the request it just sent.
  world = await startWorld(port(0), { JOBS: 'off' });
});

afterAll(async () => {
  await world?.close();
});

function allowed(principal: (typeof principals)[number], access: Action | 'public' | 'session'): boolean {
  if (access === 'public') return true;
  if (principal === 'anonymous') return false;
  return access === 'session' || can(principal as Role, access);
}

/**
 * A cached rendering (`'use cache'` on a component, app/) is a Server Function anyone can call, not an action: it
 * writes nothing and, without a view's seal, renders nothing. Fuzzed with its one argument (the props) as public.
 */
const isRendering = (key: string) => key.includes('#$$RSC_SERVER_CACHE_');
const accessOf = (key: string) => serverActionAccess[key] ?? (isRendering(key) ? ('public' as const) : undefined);

describe('fuzzing every server action and route handler over HTTP', () => {
  it(`${totalInputs} generated inputs: never a 500, refused inputs change nothing, accepted ones are audited`, { timeout: 2_400_000 }, async () => {
    // Cached views are Server Functions too, but not actions: called from outside they answer nothing (data/view-seal.ts;
    // tests/integration/cache-invalidation.test.ts and the browser access matrix post them).
    const actions = world.actions.filter((a) => !excluded.has(a.key) && !a.key.startsWith('data/views.ts#'));
    const routes = Object.entries(routeAccess).filter(([r]) => /\/(export|template)$/.test(r) || r.startsWith('/api/') && !r.startsWith('/api/auth') && !r.includes('reports/committee'));
    const targets = principals.length * (actions.length + routes.length);
    const perTarget = Math.ceil(totalInputs / targets);
    const malformedPerTarget = Math.max(2, Math.ceil(perTarget / 5));
    /** Actions that answered 500 to a wrong-typed argument list they received: must stay empty. */
    const malformed500s = new Set<string>();
    /**
     * Raw bodies Next answers with 500 before any action runs (not JSON, not an argument list, a reference to a
     * body part that a text body cannot have: support/undecodable.ts lists them). Counted apart: no action
     * code can refuse what never reaches it.
     */
    const undecodable500s = new Map<string, number>();
    const failures: string[] = [];
    let tried = 0;
    let fiveHundreds = 0;
    let unchangedChecks = 0;
    let accepted = 0;
    let unauditedChanges = 0;
    const checksums = () => tableChecksums(world.db.db, { exclude: securityEventTables, cacheKey: 'fuzz' });
    const changeCount = await installChangeCounter(world.db.db, securityEventTables);
    let before = await checksums();
    let count = await changeCount();
    /** The tables changed since the last call: the counter first, the full checksums when it moved. */
    const changedSinceLast = async (): Promise<string[]> => {
      const now = await changeCount();
      if (now === count) return [];
      count = now;
      const after = await checksums();
      const changed = changedTables(before, after);
      before = after;
      return changed;
    };
    /** Every block ends with a full comparison: a change the counter missed would fail here. */
    const fullCheck = async (what: string) => {
      const after = await checksums();
      const missed = changedTables(before, after);
      if (missed.length) failures.push(`${what}: ${missed.join(', ')} changed unseen by the change counter`);
      else unchangedChecks++;
      before = after;
    };

    /** Sends one input; checks status and checksums; returns the status. */
    const probe = async (principal: (typeof principals)[number], action: (typeof actions)[number], input: ActionArgs, phase: 'typed' | 'malformed') => {
      const access = accessOf(action.key)!;
      const response = await world.clients[principal].action(action, input.kind === 'raw' ? input.body : input.args, {}, false);
      tried++;
      const changed = await changedSinceLast();
      const where = `${action.key} as ${principal}: ${response.status}`;
      if (response.status >= 500) {
        if (phase === 'typed') {
          fiveHundreds++;
          failures.push(`${where} ${response.body.slice(0, 200)}`);
        } else {
          const reason = input.kind === 'raw' ? undecodableBody(input.body) : null;
          if (reason) undecodable500s.set(reason, (undecodable500s.get(reason) ?? 0) + 1);
          else {
            malformed500s.add(action.key);
            failures.push(`${where} to a malformed argument list: ${input.kind === 'raw' ? input.body : JSON.stringify(input.args.map((a) => (a instanceof FormData ? 'FormData' : a)))}`.slice(0, 300));
          }
        }
      }
      const refused = !allowed(principal, access) || [401, 403].includes(response.status) || response.status >= 500;
      if (changed.length === 0) {
        unchangedChecks++;
        return;
      }
      if (refused) failures.push(`${where} refused, yet changed ${changed.join(', ')}`);
      else if (!changed.includes('audit_log') && !unaudited.has(action.key)) {
        unauditedChanges++;
        failures.push(`${where} changed ${changed.join(', ')} without an audit row`);
      } else accepted++;
    };

    for (const principal of principals) {
      const client = world.clients[principal];
      for (const action of actions) {
        expect(accessOf(action.key), `${action.key} in serverActionAccess`).toBeDefined();
        const params: ParamKind[] = isRendering(action.key) ? ['value'] : actionParams(action.key);
        await fc.assert(
          fc.asyncProperty(wellTypedArgs(params), (input) => probe(principal, action, input, 'typed')),
          { numRuns: perTarget, seed: Number(process.env.RELIABILITY_FUZZ_SEED ?? 20201115), endOnFailure: true },
        );
        await fc.assert(
          fc.asyncProperty(malformedArgs, (input) => probe(principal, action, input, 'malformed')),
          { numRuns: malformedPerTarget, seed: 42, endOnFailure: true },
        );
        await fullCheck(`${action.key} as ${principal}`);
      }
      for (const [route] of routes) {
        const path = route.replace('[year]', '2020').replace('[id]', '1');
        await fc.assert(
          fc.asyncProperty(queryString, async (q) => {
            const response = await client.get(`${path}?${q}`);
            tried++;
            if (response.status >= 500) {
              fiveHundreds++;
              failures.push(`GET ${path}?${q} as ${principal}: ${response.status}`);
            }
          }),
          { numRuns: perTarget, seed: 7 },
        );
        // A report read "as known on" a past day keeps its snapshot on first read (the read model's cache of what
        // was known then): the one write a GET may make.
        const changed = (await changedSinceLast()).filter((t) => !knowledgeSnapshotTables.has(t));
        if (changed.length) failures.push(`GET ${path} as ${principal} changed ${changed.join(', ')}`);
        await fullCheck(`GET ${path} as ${principal}`);
      }
    }
    const unhandled = world.server.lines.filter((l) => /unhandledRejection|uncaughtException|http\.unhandled/i.test(l));
    record('inputs tried', tried);
    record('500s', fiveHundreds);
    record('unchanged-database checks passed', unchangedChecks);
    record('changes without an audit row', unauditedChanges);
    record('actions answering 500 to malformed argument types', malformed500s.size);
    record('bodies Next cannot decode (500 before any action runs)', [...undecodable500s.values()].reduce((a, b) => a + b, 0));
    record('unhandled rejections', unhandled.length);
    if (malformed500s.size) process.stdout.write(`actions that answer 500 to arguments of the wrong type:\n  ${[...malformed500s].join('\n  ')}\n`);
    process.stdout.write(`raw bodies Next could not decode (500 before any action ran): ${JSON.stringify(Object.fromEntries(undecodable500s))}\n`);
    process.stdout.write(`fuzz: ${tried} inputs, ${accepted} accepted changes, ${unchangedChecks} unchanged checks\n`);
    // With a failure, the server's own account of the errors (onRequestError logs each with its digest).
    const errors = failures.length ? [...new Set(world.server.json().filter((l) => l.event === 'http.error').map((l) => `${l.routePath} ${l.name}: ${String(l.message).slice(0, 160)}`))] : [];
    expect(failures.slice(0, 20), errors.slice(0, 20).join('\n')).toEqual([]);
    expect([...malformed500s]).toEqual([]);
    expect(unhandled.slice(0, 5)).toEqual([]);
    expect(world.server.process.exitCode).toBeNull();
    expect(tried).toBeGreaterThanOrEqual(totalInputs);
  });
});
