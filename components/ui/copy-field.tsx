'use client';

/** A value shown once (a new token or link), in a read-only field that selects itself to be copied. */
export function CopyField({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      {note ? <p className="muted">{note}</p> : null}
    </div>
  );
}
