'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';

export interface PlaceOption {
  id: number;
  name: string;
}

/**
 * A registry choice (city, cluster or partner) with a text filter above it, for lists of dozens of entries.
 * The chosen entry always stays in the list, so filtering never silently changes the choice.
 */
export function PlaceSelect({
  name,
  label,
  options,
  value,
  onChange,
  errors,
}: {
  name: string;
  label: string;
  options: PlaceOption[];
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  const t = useTranslations('updates.form');
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = options.filter((o) => !needle || o.name.toLowerCase().includes(needle) || String(o.id) === value);
  const hasError = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={`${id}-select`}>{label}</label>
      {options.length > 8 ? (
        <input
          type="search"
          aria-label={t('filterLabel', { what: label })}
          placeholder={t('filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      <select
        id={`${id}-select`}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? `${id}-error` : undefined}
      >
        <option value="">{t('noPlace')}</option>
        {shown.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
