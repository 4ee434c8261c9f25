'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { localizedLabel } from '@/lib/i18n/localized';

export interface PlaceOption {
  id: number;
  name: string;
  nameZh?: string | null;
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
  const tl = useTranslations('locale.fallback');
  const locale = useLocale();
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  // Names in the user's language (Chinese where the registry has it); the filter matches either language.
  const labelled = options.map((o) => ({ ...o, label: localizedLabel(locale, o.name, o.nameZh, (lang) => tl(lang)) }));
  const matches = (o: (typeof labelled)[number]) => [o.label, o.name, o.nameZh ?? ''].some((n) => n.toLowerCase().includes(needle));
  const shown = labelled.filter((o) => !needle || matches(o) || String(o.id) === value);
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
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
