import { sdgTagView } from '@/lib/sdg';

/**
 * SDG tags as a labelled list: "SDG 11 · Sustainable cities and communities", and for a target its number with
 * its official text, in the reader's language, as the title (and in a visually hidden span, so screen readers get
 * it too, marked with its language). Nothing when there are none.
 */
export function SdgTags({ codes, locale, label, goalWord, targetWord }: { codes: readonly string[]; locale: string; label: string; goalWord: string; targetWord: string }) {
  const views = codes.map((c) => sdgTagView(c, locale)).filter((v) => v !== null);
  if (views.length === 0) return null;
  return (
    <ul className="sdg-tags" aria-label={label} data-sdg-tags={views.map((v) => v.code).join(',')}>
      {views.map((v) =>
        v.kind === 'goal' ? (
          <li key={v.code} className="sdg-tag" data-sdg={v.code}>
            {goalWord} {v.code} · {v.goalTitle}
          </li>
        ) : (
          <li key={v.code} className="sdg-tag" data-sdg={v.code} title={v.text ?? undefined}>
            {targetWord} {v.code}{' '}
            <span className="visually-hidden" lang={v.textLang ?? undefined}>
              {v.text}
            </span>
          </li>
        ),
      )}
    </ul>
  );
}
