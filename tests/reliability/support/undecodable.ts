/**
 * Which raw bodies Next itself cannot turn into an argument list, so that it answers 500 before any action code
 * runs (measured against the production build; the server logs the error named here with each):
 * - not JSON at all: React's `decodeReply` throws `SyntaxError` (`[`, `{"0":`, `abc`, an empty body);
 * - JSON that is not an object: Next spreads the decoded value with `Function.prototype.apply`, which throws
 *   `TypeError: CreateListFromArrayLike called on non-object` (`1`, `"abc"`, `true`) or, for `null`,
 *   `Cannot read properties of null (reading 'length')`;
 * - a string in React's reply encoding that refers to another part of the body (`"$1"`, `"$Q1"` a Map, `"$W1"` a
 *   Set, `"$h1"`/`"$F1"` a server reference, `"$i1"`, `"$B1"` a Blob, `"$A1"`/`"$S1"`… typed arrays, a bare
 *   `"$"`): a text body has only part 0, so `decodeReply` fails with `Connection closed.`, `Referenced Blob is
 *   not a Blob.` or `reading 'arrayBuffer'`; and `"$n…"` that is not an integer (`BigInt()` throws).
 * Everything else decodes (`{}`, `[]`, `[1]`, `["$K1"]` an empty FormData, `["$@1"]` a pending promise, `"$T"`,
 * `"$D…"`, `"$undefined"`…) and reaches the action, which must then refuse it without a 500.
 */
const standalone = new Set(['$', '@', 'H', 'T', 'K', 'I', '-', 'N', 'u', 'D', 'n']);

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Why Next cannot decode this raw action body, or null when it can (and the action runs). */
export function undecodableBody(body: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  if (value === null || typeof value !== 'object') return 'not an argument list';
  for (const s of strings(value)) {
    if (!s.startsWith('$')) continue;
    if (!standalone.has(s[1] ?? '')) return 'refers to a part the body does not have';
    if (s[1] === 'n') {
      try {
        BigInt(s.slice(2));
      } catch {
        return 'not a BigInt';
      }
    }
  }
  return null;
}
