import { Link } from '@/components/ui/link';

interface PagerLink {
  href: string;
  label: string;
}

/** Previous / next links of a paged list, as a labelled navigation landmark with a "where am I" summary. */
export function Pager({ label, summary, previous, next }: { label: string; summary: string; previous?: PagerLink; next?: PagerLink }) {
  return (
    <nav className="toolbar" aria-label={label}>
      <span>{summary}</span>
      {previous ? <Link href={previous.href}>{previous.label}</Link> : null}
      {next ? <Link href={next.href}>{next.label}</Link> : null}
    </nav>
  );
}
