'use client';

export function LocaleSelect({ id, current, options }: { id: string; current: string; options: { value: string; label: string }[] }) {
  return (
    <select id={id} name="locale" defaultValue={current} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
      {options.map((option) => (
        <option key={option.value} value={option.value} lang={option.value === 'zh' ? 'zh-Hans' : option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
