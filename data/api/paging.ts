import 'server-only';
import { decodeCursor } from '@/lib/api/cursor';
import { ApiProblem } from '@/lib/api/problems';

const malformed = () => new ApiProblem('invalid_request', { errors: { cursor: ['Not a cursor this API gave.'] } });

/** The offset a cursor stands for (0 without one); a cursor of another kind or shape is a 400. */
export function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const c = decodeCursor(cursor);
  if (!c || !('offset' in c)) throw malformed();
  return c.offset;
}

/** The id a keyset cursor continues after (0 without one). */
export function afterOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const c = decodeCursor(cursor);
  if (!c || !('after' in c)) throw malformed();
  return c.after;
}
