type Catalog = { [key: string]: string | Catalog };

/**
 * Merges a language's per-area catalog files into one. Areas may add keys to a shared namespace (e.g. `nav`),
 * so objects merge deeply; a key defined twice with different texts is a mistake and throws at start-up.
 */
export function mergeCatalogs(parts: readonly object[]): Catalog {
  const merged: Catalog = {};
  const mergeInto = (target: Catalog, source: Catalog, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === 'string') {
        if (typeof existing === 'string' && existing !== value) throw new Error(`Message ${path}${key} is defined twice`);
        if (typeof existing === 'object') throw new Error(`Message ${path}${key} is both a text and a namespace`);
        target[key] = value;
      } else {
        if (typeof existing === 'string') throw new Error(`Message ${path}${key} is both a text and a namespace`);
        const child: Catalog = existing ?? {};
        target[key] = child;
        mergeInto(child, value, `${path}${key}.`);
      }
    }
  };
  for (const part of parts) mergeInto(merged, part as Catalog, '');
  return merged;
}
