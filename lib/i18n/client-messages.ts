/**
 * The message namespaces that client components read with useTranslations(): only these travel to the browser
 * in the root NextIntlClientProvider (the whole catalog would add ~60 KB to every page). Server components
 * translate on the server and need none of them. tests/unit/i18n-client-messages.test.ts checks that every
 * useTranslations() call in a client component is covered by this list.
 */
export const clientNamespaces = [
  'account',
  'admin.users',
  'api.tokens',
  'adminSettings',
  'auth',
  'budget.charts',
  'budget.columns',
  'budget.import',
  'dashboards.chart',
  'errors',
  'evidence.input',
  'files.xlsx',
  'locale.fallback',
  'meetings.comments',
  'meetings.form',
  'meetings.item',
  'meetings.itemForm',
  'meetings.itemKind',
  'meetings.kind',
  'meetings.status',
  'narrative.form',
  'plans',
  'registries.import',
  'setPassword',
  'sdg',
  'share',
  'twoFactor',
  'updates.correct',
  'updates.form',
  'updates.import',
] as const;

type Messages = { [key: string]: string | Messages };

const picked = new WeakMap<object, Messages>();

/** The client namespaces of a catalog, copied once per catalog object (catalogs are module-level constants). */
export function clientMessages(messages: Messages): Messages {
  const cached = picked.get(messages);
  if (cached) return cached;
  const out: Messages = {};
  for (const namespace of clientNamespaces) {
    const parts = namespace.split('.');
    let source: Messages | string | undefined = messages;
    for (const part of parts) source = typeof source === 'object' ? source[part] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Messages;
    target[parts.at(-1)!] = source;
  }
  picked.set(messages, out);
  return out;
}
