/** Paging of long lists on pages (?page=N): parsing the parameter and cutting the list, clamped to what exists. */

/** A page number from a search parameter: a positive integer, else 1. */
export function pageParam(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9]\d{0,3}$/.test(text) ? Number(text) : 1;
}

/** The requested page of `items` (clamped to the last page), with its 0-based first index and the page count. */
export function pageSlice<T>(items: readonly T[], perPage: number, requested: number) {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.min(Math.max(1, requested), pages);
  const first = (page - 1) * perPage;
  return { page, pages, first, items: items.slice(first, first + perPage) };
}
