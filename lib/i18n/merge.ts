/** A message is text, or, compiled at build time (next.config.mjs), an array. */
export type Message = string | readonly unknown[];
export type Catalog = { [key: string]: Message | Catalog };

export const isMessage = (value: unknown): value is Message => typeof value === 'string' || Array.isArray(value);
const same = (a: Message, b: Message) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges a language's per-area catalog files into one. Areas may add keys to a shared namespace (e.g. `nav`),
 * so objects merge deeply; a key defined twice with different texts is a mistake and throws at start-up.
 */
export function mergeCatalogs(parts: readonly object[]): Catalog {
  const merged: Catalog = {};
  const mergeInto = (target: Catalog, source: Catalog, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (isMessage(value)) {
        if (isMessage(existing) && !same(existing, value)) throw new Error(`Message ${path}${key} is defined twice`);
        if (existing !== undefined && !isMessage(existing)) throw new Error(`Message ${path}${key} is both a text and a namespace`);
        target[key] = value;
      } else {
        if (isMessage(existing)) throw new Error(`Message ${path}${key} is both a text and a namespace`);
        const child: Catalog = existing ?? {};
        target[key] = child;
        mergeInto(child, value, `${path}${key}.`);
      }
    }
  };
  for (const part of parts) mergeInto(merged, part as Catalog, '');
  return merged;
}
