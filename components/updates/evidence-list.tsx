import { useFormatter, useTranslations } from 'next-intl';

/** A stored evidence file as lists show it (no content). */
export interface EvidenceItem {
  id: number;
  name: string;
  mime: string;
  size: number;
}

/** A short name of the type for the download's label ("PDF", "PNG", "DOCX"), from the name's checked extension. */
const typeName = (f: EvidenceItem) => (f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.') + 1).toUpperCase() : f.mime);

export const evidenceHref = (id: number) => `/api/evidence/${id}`;

/**
 * An update's evidence: its link (an external page, opened without the app's referrer or opener) and its files
 * (downloads from /api/evidence, which checks the reader again). Renders "None" when there is neither; the caller
 * decides whether the reader may see an update's evidence at all (lib/auth/policy mayReadUpdateEvidence).
 */
export function EvidenceList({ url, files }: { url: string | null; files?: readonly EvidenceItem[] }) {
  const t = useTranslations('evidence');
  const format = useFormatter();
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('sizeMb', { size: format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 }) })
      : t('sizeKb', { size: format.number(Math.max(bytes / 1024, 0.1), { maximumFractionDigits: 1 }) });
  if (!url && !files?.length) return <span className="muted">{t('none')}</span>;
  return (
    <ul className="evidence-list" data-evidence>
      {url ? (
        <li>
          <a href={url} rel="noopener noreferrer nofollow" target="_blank" aria-label={t('linkLabel', { url })}>
            {t('link')}
          </a>
        </li>
      ) : null}
      {files?.map((f) => (
        <li key={f.id}>
          <a href={evidenceHref(f.id)} download={f.name} aria-label={t('downloadLabel', { name: f.name, type: typeName(f), size: size(f.size) })} data-evidence-file={f.id}>
            {f.name}
          </a>{' '}
          <span className="muted">({size(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}
