/**
 * The fields of a plain GET filter form (search, choices, dates): their values end up in the URL, so a filtered
 * list can be bookmarked and works without JavaScript. An empty choice means "any".
 */

export const filterInputStyle = { padding: '0.35rem 0.5rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' };

export function FilterSelect({
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''} style={filterInputStyle}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterDate({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <label>
      {label}
      <input type="date" name={name} defaultValue={value ?? ''} style={filterInputStyle} />
    </label>
  );
}
