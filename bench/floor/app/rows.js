/** Thirty rows computed per request, as a page of the app shows a table of figures. */
export function rows(seed) {
  return Array.from({ length: 30 }, (_, i) => ({
    code: `G${1 + (i % 5)}.${1 + i}`,
    name: `Indicator ${i + 1} (${seed})`,
    actual: (seed * 31 + i * 17) % 1000,
    target: 1000 - i * 7,
  }));
}
