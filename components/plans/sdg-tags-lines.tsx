import { SdgTags } from '@/components/ui/sdg-tags';

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * An indicator's SDG tags on its definition: its own, and those it carries through its goal (said so), or a
 * note that there are none.
 */
export function SdgTagsLines({ own, goal, goalCode, locale, t }: { own: readonly string[]; goal: readonly string[]; goalCode: string; locale: string; t: T }) {
  if (own.length === 0 && goal.length === 0) return <span className="muted">{t('sdg.none')}</span>;
  const words = { goalWord: t('sdg.goalWord'), targetWord: t('sdg.targetWord') };
  return (
    <>
      <SdgTags codes={own} locale={locale} label={t('sdg.title')} {...words} />
      {goal.length > 0 ? (
        <>
          <span className="muted">{t('sdg.throughGoal', { code: goalCode })}</span>
          <SdgTags codes={goal} locale={locale} label={t('sdg.tagsOf', { code: goalCode })} {...words} />
        </>
      ) : null}
    </>
  );
}
