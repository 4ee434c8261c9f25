'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ImportChunkAnswer, ImportRowMessage } from '@/types/forms';
import { IMPORT_CHUNK_ROWS, readImportFile, type ImportRow } from '@/lib/validation/updates-import';
import { ImportRowTable } from './import-report';

type Phase = 'idle' | 'reading' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
type Action = (input: unknown) => Promise<ImportChunkAnswer>;

/**
 * The import: the file is read here, then every row is checked on the server chunk by chunk
 * (a progress bar shows how far); the report lists each bad row with its row number, column and message, and
 * only when the user chooses are the good rows imported, again chunk by chunk. A value the data-quality flags
 * question (a running total below the last one, ten times the recent values, a second update for a period, a gap)
 * needs a note in its row, as the form asks for one: without it the row is a problem like any other; with it the
 * row is imported and its flags are listed for the record.
 */
export function ImportForm({ action, planYear }: { action: Action; planYear: number }) {
  const t = useTranslations('updates.import');
  const tFiles = useTranslations('files.xlsx');
  const [phase, setPhase] = useState<Phase>('idle');
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [done, setDone] = useState(0);
  const [bad, setBad] = useState<ImportRowMessage[]>([]);
  const [warnings, setWarnings] = useState<ImportRowMessage[]>([]);
  const [good, setGood] = useState(0);
  const [already, setAlready] = useState(0);
  const [imported, setImported] = useState({ imported: 0, already: 0 });
  const [message, setMessage] = useState<string>();

  async function run(mode: 'check' | 'import', all: ImportRow[]) {
    setDone(0);
    let goodCount = 0;
    const badRows: ImportRowMessage[] = [];
    const warningRows: ImportRowMessage[] = [];
    const totals = { imported: 0, already: 0 };
    for (let i = 0; i < all.length; i += IMPORT_CHUNK_ROWS) {
      const result = await action({ rows: all.slice(i, i + IMPORT_CHUNK_ROWS), mode, plan: planYear });
      if (!result.ok) throw new Error(result.message);
      goodCount += result.good;
      badRows.push(...result.bad);
      warningRows.push(...result.warnings);
      totals.imported += result.imported;
      totals.already += result.alreadyImported;
      setDone(Math.min(all.length, i + IMPORT_CHUNK_ROWS));
    }
    return { goodCount, badRows, warningRows, totals };
  }

  async function onCheck(form: HTMLFormElement) {
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    setMessage(undefined);
    if (!file) return setMessage(t('chooseFile'));
    setPhase('reading');
    const read = await readImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) {
      setPhase('failed');
      if (read.error === 'xlsx_refused') return setMessage(tFiles(read.refusal.key, read.refusal.values));
      return setMessage(t(`fileErrors.${read.error}`, { columns: read.columns?.join(', ') ?? '' }));
    }
    setRows(read.rows);
    setPhase('checking');
    try {
      const { goodCount, badRows, warningRows, totals } = await run('check', read.rows);
      setGood(goodCount);
      setBad(badRows);
      setWarnings(warningRows);
      setAlready(totals.already);
      setPhase('checked');
    } catch (error) {
      setPhase('failed');
      setMessage(error instanceof Error && error.message ? error.message : t('failed'));
    }
  }

  async function onImport() {
    setPhase('importing');
    try {
      // Import re-checks every row: a period locked since the check shows up here as a problem.
      const { totals, badRows } = await run('import', rows);
      setBad(badRows);
      setImported(totals);
      setPhase('done');
    } catch (error) {
      setPhase('failed');
      setMessage(error instanceof Error && error.message ? error.message : t('failed'));
    }
  }

  const busy = phase === 'reading' || phase === 'checking' || phase === 'importing';
  const warnedRows = new Set(warnings.map((w) => w.row)).size;
  const toImport = good - already;
  return (
    <div className="form">
      <form className="form" onSubmit={(e) => { e.preventDefault(); void onCheck(e.currentTarget); }}>
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required disabled={busy} />
        </div>
        <button className="button" type="submit" disabled={busy} aria-disabled={busy}>
          {t('check')}
        </button>
      </form>
      {busy && rows.length > 0 ? (
        <div>
          <label htmlFor="import-progress">{t(phase === 'importing' ? 'importing' : 'checking', { done, total: rows.length })}</label>
          <progress id="import-progress" max={rows.length} value={done} />
        </div>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="form-message">
        {message ? <p className="error-text">{message}</p> : null}
        {phase === 'checked' ? (
          <>
            <p>{t('report', { total: rows.length, good, bad: rows.length - good })}</p>
            {already > 0 ? <p>{t('reportAlready', { count: already })}</p> : null}
            {warnedRows > 0 ? <p>{t('reportWarnings', { count: warnedRows })}</p> : null}
            {toImport <= 0 ? <p>{t('nothingToImport')}</p> : null}
          </>
        ) : null}
        {phase === 'done' ? (
          <p role="status">{t('imported', { imported: imported.imported, already: imported.already })}</p>
        ) : null}
      </div>
      {phase === 'checked' && toImport > 0 ? (
        <button className="button" type="button" onClick={() => void onImport()}>
          {bad.length ? t('importGood', { count: toImport }) : t('importAll', { count: toImport })}
        </button>
      ) : null}
      {warnings.length > 0 && phase === 'checked' ? (
        <ImportRowTable rows={warnings} caption={t('warningsTitle', { count: warnings.length })} testId="import-warnings" more="moreWarnings" />
      ) : null}
      {bad.length > 0 && (phase === 'checked' || phase === 'done') ? (
        <ImportRowTable rows={bad} caption={t('problemsTitle', { count: bad.length })} testId="import-problems" more="moreProblems" />
      ) : null}
    </div>
  );
}
