'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ImportChunkState } from '@/app/(dashboard)/updates/import/actions';
import { IMPORT_CHUNK_ROWS, readImportFile, type ImportRow } from '@/lib/validation/updates-import';

type Phase = 'idle' | 'reading' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
type Action = (input: unknown) => Promise<ImportChunkState>;

const MAX_SHOWN = 500;

/**
 * The import (issue 5, item 7): the file is read here, then every row is checked on the server chunk by chunk
 * (a progress bar shows how far); the report lists each bad row with its row number, column and message, and
 * only when the user chooses are the good rows imported, again chunk by chunk.
 */
export function ImportForm({ action, planYear }: { action: Action; planYear: number }) {
  const t = useTranslations('updates.import');
  const [phase, setPhase] = useState<Phase>('idle');
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [done, setDone] = useState(0);
  const [bad, setBad] = useState<ImportChunkState['bad']>([]);
  const [good, setGood] = useState(0);
  const [imported, setImported] = useState({ imported: 0, already: 0 });
  const [message, setMessage] = useState<string>();

  async function run(mode: 'check' | 'import', all: ImportRow[]) {
    setDone(0);
    let goodCount = 0;
    const badRows: ImportChunkState['bad'] = [];
    const totals = { imported: 0, already: 0 };
    for (let i = 0; i < all.length; i += IMPORT_CHUNK_ROWS) {
      const result = await action({ rows: all.slice(i, i + IMPORT_CHUNK_ROWS), mode, plan: planYear });
      if (!result.ok) throw new Error(result.message);
      goodCount += result.good;
      badRows.push(...result.bad);
      totals.imported += result.imported;
      totals.already += result.alreadyImported;
      setDone(Math.min(all.length, i + IMPORT_CHUNK_ROWS));
    }
    return { goodCount, badRows, totals };
  }

  async function onCheck(form: HTMLFormElement) {
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    setMessage(undefined);
    if (!file) return setMessage(t('chooseFile'));
    setPhase('reading');
    const read = await readImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) {
      setPhase('failed');
      return setMessage(t(`fileErrors.${read.error}`, { columns: read.columns?.join(', ') ?? '' }));
    }
    setRows(read.rows);
    setPhase('checking');
    try {
      const { goodCount, badRows } = await run('check', read.rows);
      setGood(goodCount);
      setBad(badRows);
      setPhase('checked');
    } catch (error) {
      setPhase('failed');
      setMessage(error instanceof Error && error.message ? error.message : t('failed'));
    }
  }

  async function onImport() {
    setPhase('importing');
    try {
      const { totals } = await run('import', rows);
      setImported(totals);
      setPhase('done');
    } catch (error) {
      setPhase('failed');
      setMessage(error instanceof Error && error.message ? error.message : t('failed'));
    }
  }

  const busy = phase === 'reading' || phase === 'checking' || phase === 'importing';
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
        {phase === 'checked' ? <p>{t('report', { total: rows.length, good, bad: rows.length - good })}</p> : null}
        {phase === 'done' ? <p role="status">{t('imported', { imported: imported.imported, already: imported.already })}</p> : null}
      </div>
      {phase === 'checked' && good > 0 ? (
        <button className="button" type="button" onClick={() => void onImport()}>
          {bad.length ? t('importGood', { count: good }) : t('importAll', { count: good })}
        </button>
      ) : null}
      {bad.length > 0 && (phase === 'checked' || phase === 'done') ? (
        <div className="table-wrap">
          <table data-testid="import-problems">
            <caption>{t('problemsTitle', { count: bad.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('message')}</th>
              </tr>
            </thead>
            <tbody>
              {bad.slice(0, MAX_SHOWN).map((b, i) => (
                <tr key={`${b.row}-${b.column}-${i}`}>
                  <td>{b.row}</td>
                  <td>{b.column}</td>
                  <td>{b.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {bad.length > MAX_SHOWN ? <p className="muted">{t('moreProblems', { count: bad.length - MAX_SHOWN })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
