import { Link } from '@/components/ui/link';
import { LocalizedText } from '@/components/ui/localized-text';
import type { ItemLink } from '@/types/meetings';
import { localized } from '@/lib/i18n/localized';

/** The goals and indicators an item concerns, as links to their pages. */
export function ItemLinks({ links, locale, planYear }: { links: ItemLink[]; locale: string; planYear?: number }) {
  if (links.length === 0) return <>—</>;
  const query = planYear ? `?plan=${planYear}` : '';
  return (
    <ul className="link-list">
      {links.map((l) => (
        <li key={`${l.goalId ?? ''}-${l.indicatorId ?? ''}`}>
          <Link href={`/${l.goalId !== null ? 'goals' : 'indicators'}/${encodeURIComponent(l.code)}${query}`}>{l.code}</Link> ·{' '}
          <LocalizedText value={localized(locale, l.name, l.nameZh)} />
        </li>
      ))}
    </ul>
  );
}
