import type { Partner } from '@/types/registries';
import { partnerStatuses, partnerTypes } from '@/lib/validation/registries';
import type { FieldSpec } from '../registry-form';
import { cityChoices, str, valueOptions, type T } from './options';

export function partnerFields(t: T, today: string, cities: { id: number; name: string; country: string }[], partner?: Partner & { cityIds: number[] }): FieldSpec[] {
  const label = (k: string) => t(`registries.partners.fields.${k}`);
  return [
    { name: 'name', label: label('name'), type: 'text', required: true, maxLength: 200, defaultValue: partner?.name },
    { name: 'nameZh', label: label('nameZh'), type: 'text', maxLength: 200, defaultValue: str(partner?.nameZh) },
    { name: 'type', label: label('type'), type: 'select', required: true, options: valueOptions(t, 'partnerType', partnerTypes), defaultValue: partner?.type ?? 'government' },
    { name: 'status', label: label('status'), type: 'select', required: true, options: valueOptions(t, 'partnerStatus', partnerStatuses), defaultValue: partner?.status ?? 'prospective' },
    { name: 'statusDate', label: label('statusDate'), type: 'date', required: true, defaultValue: today, hint: t('registries.cities.statusDateHint') },
    { name: 'since', label: label('since'), type: 'date', defaultValue: str(partner?.since) },
    { name: 'viaNationalPartner', label: label('viaNationalPartner'), type: 'checkbox', defaultValue: partner?.viaNationalPartner ? 'on' : '' },
    { name: 'cityIds', label: label('cityIds'), type: 'multiselect', options: cityChoices(cities), defaultValue: (partner?.cityIds ?? []).map(String) },
    { name: 'notes', label: label('notes'), type: 'textarea', maxLength: 2000, defaultValue: str(partner?.notes) },
  ];
}
