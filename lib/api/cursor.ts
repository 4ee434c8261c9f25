/**
 * Opaque pagination cursors: the position after the last item a page returned, as base64url JSON. Clients pass
 * back `next` as `cursor` and never build one; a malformed cursor is a 400, not a first page.
 */
export type Cursor = { after: number } | { offset: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof data.after === 'number' && Number.isSafeInteger(data.after) && data.after >= 0) return { after: data.after };
    if (typeof data.offset === 'number' && Number.isSafeInteger(data.offset) && data.offset >= 0) return { offset: data.offset };
    return null;
  } catch {
    return null;
  }
}

/** A page of an in-memory list by offset: the items and the cursor of the next page (null at the end). */
export function pageByOffset<T>(items: readonly T[], offset: number, limit: number): { items: T[]; next: string | null } {
  const slice = items.slice(offset, offset + limit);
  return { items: slice, next: offset + limit < items.length ? encodeCursor({ offset: offset + limit }) : null };
}
