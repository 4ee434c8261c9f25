import { z } from 'zod';

/**
 * ?open= on the overview and the committee report: the goals whose indicators are shown, as comma-separated
 * codes, "all" or "none". Malformed codes are dropped; anything unreadable means "not given" (the page's
 * default: every goal of a small plan, none of a large one).
 */
/** Without ?open=, a plan of up to this many indicators shows all of them, a larger one none. */
export const EXPAND_ALL_UP_TO = 40;

export const openGoalsParam = z
  .preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : v),
    z
      .string()
      .max(2000)
      .optional()
      .transform((v): string[] | 'all' | 'none' | undefined => {
        if (v === undefined) return undefined;
        if (v === 'all' || v === 'none') return v;
        const codes = [...new Set(v.split(',').map((s) => s.trim()).filter((s) => /^[\w.-]{1,32}$/.test(s)))];
        return codes.length ? codes : 'none';
      }),
  )
  .catch(undefined);
