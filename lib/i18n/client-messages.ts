import { isMessage, type Catalog, type Message } from './merge';

/**
 * Which message namespaces travel to the browser, and where. Server components translate on the server and need
 * none; a client component that calls useTranslations() needs its namespace in the nearest NextIntlClientProvider
 * above it. Every page would otherwise carry the whole client catalog (~45 KB of JSON, twice: in the React
 * payload and escaped into the HTML), so each route segment sends only what its own client components use:
 * `root` everywhere, and a scope's namespaces under the layout or page that wraps itself in
 * <ClientMessages scope=…> (components/i18n/client-messages.tsx). tests/unit/i18n-client-messages.test.ts walks
 * each page's and layout's imports and checks that every namespace its client components use is sent there.
 */
export const clientMessageScopes = {
  /** Sent on every page: the error boundary's texts. */
  root: ['errors'],
  account: ['account', 'api.tokens', 'twoFactor'],
  admin: ['admin.users', 'adminSettings', 'api.tokens', 'auth.roles', 'share'],
  auth: ['auth', 'setPassword'],
  budget: ['budget.charts', 'budget.columns', 'budget.import'],
  indicator: ['meetings.comments'],
  meetings: ['meetings.comments', 'meetings.form', 'meetings.item', 'meetings.itemForm', 'meetings.itemKind', 'meetings.kind', 'meetings.status', 'narrative.form'],
  plans: ['plans', 'sdg'],
  registryImport: ['registries.import'],
  updates: ['evidence.input', 'files.xlsx', 'locale.fallback', 'updates.correct', 'updates.form', 'updates.import'],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageScope = keyof typeof clientMessageScopes;

const picked = new WeakMap<object, Map<ClientMessageScope, Catalog>>();

/**
 * The root namespaces and the scope's, copied out of a catalog once per catalog object and scope (catalogs are
 * module-level constants). A nested provider replaces its parent's messages rather than adding to them, so each
 * scope carries the root's too.
 */
export function clientMessages(messages: Catalog, scope: ClientMessageScope = 'root'): Catalog {
  let byScope = picked.get(messages);
  if (!byScope) picked.set(messages, (byScope = new Map()));
  const cached = byScope.get(scope);
  if (cached) return cached;
  const out: Catalog = {};
  for (const namespace of new Set([...clientMessageScopes.root, ...clientMessageScopes[scope]])) {
    const parts = namespace.split('.');
    let source: Catalog | Message | undefined = messages;
    for (const part of parts) source = source === undefined || isMessage(source) ? undefined : source[part];
    if (source === undefined) continue;
    let target = out;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Catalog;
    target[parts.at(-1)!] = source;
  }
  byScope.set(scope, out);
  return out;
}
