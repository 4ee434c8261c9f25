import { useLocale, useTranslations } from 'next-intl';
import { formatDate } from '@/lib/format';
import { formatMoney, formatRatio } from '@/lib/budget/money';
import { localized } from '@/lib/i18n/localized';
import type { BudgetRevision, Expenditure } from '@/types/budget';
import { DataTable } from '@/components/ui/data-table';

/** The budget's tables: each chart's data, utilisation by level, revisions. Props only; money as decimal text. */

export interface UtilisationItem {
  key: string;
  code: string | null;
  title: string | null;
  titleZh: string | null;
  goalCode?: string | null;
  fundingSource: string | null;
  budget: string;
  spent: string;
  remaining: string;
  utilisation: number | null;
  delivery?: number | null;
}

export function UtilisationTable({ rows, level, currency, id }: { rows: UtilisationItem[]; level: 'goal' | 'line' | 'source'; currency: string; id?: string }) {
  const t = useTranslations('budget');
  const locale = useLocale();
  const money = (v: string) => formatMoney(locale, v, currency);
  const name = (r: UtilisationItem) =>
    level === 'source' ? r.fundingSource : r.title === null ? t('programmeWide') : `${r.code} ${localized(locale, r.title, r.titleZh).text}`;
  return (
    <DataTable
      id={id}
      data-budget-table={level}
      caption={t(`levels.${level}`)}
      showCaption
      head={
        <>
          <th scope="col">{level === 'source' ? t('columns.source') : level === 'goal' ? t('columns.goal') : t('columns.line')}</th>
          {level === 'line' ? <th scope="col">{t('columns.goal')}</th> : null}
          {level === 'line' ? <th scope="col">{t('columns.source')}</th> : null}
          <th scope="col" className="num">{t('columns.budget')}</th>
          <th scope="col" className="num">{t('columns.spent')}</th>
          <th scope="col" className="num">{t('columns.remaining')}</th>
          <th scope="col" className="num">{t('columns.utilisation')}</th>
          {level === 'goal' ? <th scope="col" className="num">{t('columns.delivery')}</th> : null}
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{name(r)}</th>
          {level === 'line' ? <td>{r.goalCode ?? t('programmeWide')}</td> : null}
          {level === 'line' ? <td>{r.fundingSource}</td> : null}
          <td className="num">{money(r.budget)}</td>
          <td className="num">{money(r.spent)}</td>
          <td className="num">{money(r.remaining)}</td>
          <td className="num">{formatRatio(locale, r.utilisation)}</td>
          {level === 'goal' ? <td className="num">{formatRatio(locale, r.delivery ?? null)}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
}

export interface MonthRow {
  month: string;
  label: string;
  budget: string;
  planned: string;
  spent: string | null;
}

export function MonthlyTable({ rows, currency, id }: { rows: MonthRow[]; currency: string; id: string }) {
  const t = useTranslations('budget');
  const locale = useLocale();
  return (
    <details className="chart-data">
      <summary>{t('charts.table')}</summary>
      <DataTable
        id={id}
        data-chart-table="cumulative-spend"
        caption={t('charts.monthlyTitle')}
        showCaption
        head={
          <>
            <th scope="col">{t('columns.month')}</th>
            <th scope="col" className="num">{t('columns.budget')}</th>
            <th scope="col" className="num">{t('columns.planned')}</th>
            <th scope="col" className="num">{t('columns.cumulative')}</th>
          </>
        }
      >
        {rows.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatMoney(locale, r.budget, currency)}</td>
            <td className="num">{formatMoney(locale, r.planned, currency)}</td>
            <td className="num">{r.spent === null ? '—' : formatMoney(locale, r.spent, currency)}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

export type RevisionItem = BudgetRevision;

export function RevisionsTable({ rows, currency }: { rows: RevisionItem[]; currency: string }) {
  const t = useTranslations('budget');
  const locale = useLocale();
  return (
    <DataTable
      empty={rows.length === 0 && t('revisions.empty')}
      data-budget-table="revisions"
      caption={t('revisions.heading')}
      showCaption
      head={
        <>
          <th scope="col">{t('columns.effectiveOn')}</th>
          <th scope="col">{t('columns.line')}</th>
          <th scope="col" className="num">{t('columns.oldAmount')}</th>
          <th scope="col" className="num">{t('columns.newAmount')}</th>
          <th scope="col">{t('columns.reason')}</th>
          <th scope="col">{t('columns.revisedBy')}</th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td>{formatDate(locale, r.effectiveOn)}</td>
          <td>{r.lineCode}</td>
          <td className="num">{formatMoney(locale, r.oldAmount, currency)}</td>
          <td className="num">{formatMoney(locale, r.newAmount, currency)}</td>
          <td>{r.reason}</td>
          <td>{r.revisedBy ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export type ExpenditureItem = Pick<Expenditure, 'id' | 'spentOn' | 'lineCode' | 'amount' | 'currency' | 'rate' | 'baseAmount' | 'description' | 'reference' | 'recordedBy'> &
  Partial<Pick<Expenditure, 'evidenceUrl' | 'supersededAt' | 'voidedAt' | 'correctionReason' | 'voidReason'>>;

export function ExpendituresTable({
  rows,
  currency,
  caption,
  hrefOf,
  showVersion = false,
}: {
  rows: ExpenditureItem[];
  currency: string;
  caption: string;
  hrefOf?: (id: number) => string;
  showVersion?: boolean;
}) {
  const t = useTranslations('budget');
  const locale = useLocale();
  return (
    <DataTable
      data-budget-table="expenditures"
      caption={caption}
      showCaption
      head={
        <>
          <th scope="col">{t('columns.date')}</th>
          <th scope="col">{t('columns.line')}</th>
          <th scope="col">{t('columns.description')}</th>
          <th scope="col">{t('columns.reference')}</th>
          <th scope="col" className="num">{t('columns.amount')}</th>
          <th scope="col" className="num">{t('columns.baseAmount', { currency })}</th>
          <th scope="col">{t('columns.recordedBy')}</th>
          {showVersion ? <th scope="col">{t('columns.evidence')}</th> : null}
          {showVersion ? <th scope="col">{t('columns.status')}</th> : null}
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td>{formatDate(locale, r.spentOn)}</td>
          <td>{r.lineCode}</td>
          <td>{hrefOf ? <a href={hrefOf(r.id)}>{r.description}</a> : r.description}</td>
          <td>{r.reference ?? '—'}</td>
          <td className="num">
            {formatMoney(locale, r.amount, r.currency)}
            {r.currency !== currency ? ` × ${r.rate}` : ''}
          </td>
          <td className="num">{formatMoney(locale, r.baseAmount, currency)}</td>
          <td>{r.recordedBy ?? '—'}</td>
          {showVersion ? <td>{r.evidenceUrl ? <a href={r.evidenceUrl} rel="noreferrer noopener" target="_blank">{r.evidenceUrl}</a> : '—'}</td> : null}
          {showVersion ? (
            <td>
              {r.voidedAt ? `${t('expenditures.voided')}: ${r.voidReason ?? ''}` : r.supersededAt ? t('expenditures.superseded') : t('expenditures.current')}
              {r.correctionReason ? ` — ${r.correctionReason}` : ''}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
