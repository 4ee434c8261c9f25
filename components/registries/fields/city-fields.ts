import type { City } from '@/types/registries';
import { cityStatuses, regions } from '@/lib/validation/registries';
import type { FieldSpec } from '../registry-form';
import { str, valueOptions, type T } from './options';

/** The city form's fields, filled from a city when editing. */
export function cityFields(t: T, today: string, city?: City): FieldSpec[] {
  const label = (k: string) => t(`registries.cities.fields.${k}`);
  return [
    { name: 'name', label: label('name'), type: 'text', required: true, maxLength: 120, defaultValue: city?.name },
    { name: 'nameZh', label: label('nameZh'), type: 'text', maxLength: 120, defaultValue: str(city?.nameZh) },
    { name: 'country', label: label('country'), type: 'text', required: true, maxLength: 100, defaultValue: city?.country },
    { name: 'region', label: label('region'), type: 'select', required: true, options: valueOptions(t, 'region', regions), defaultValue: city?.region ?? 'maritime' },
    { name: 'latitude', label: label('latitude'), type: 'number', step: 'any', defaultValue: str(city?.latitude) },
    { name: 'longitude', label: label('longitude'), type: 'number', step: 'any', defaultValue: str(city?.longitude) },
    { name: 'status', label: label('status'), type: 'select', required: true, options: valueOptions(t, 'cityStatus', cityStatuses), defaultValue: city?.status ?? 'prospective' },
    { name: 'statusDate', label: label('statusDate'), type: 'date', required: true, defaultValue: today, hint: t('registries.cities.statusDateHint') },
    { name: 'focalPoint', label: label('focalPoint'), type: 'text', maxLength: 200, defaultValue: str(city?.focalPoint) },
    { name: 'description', label: label('description'), type: 'textarea', maxLength: 2000, defaultValue: str(city?.description) },
    { name: 'descriptionZh', label: label('descriptionZh'), type: 'textarea', maxLength: 2000, defaultValue: str(city?.descriptionZh) },
    { name: 'notes', label: label('notes'), type: 'textarea', maxLength: 2000, defaultValue: str(city?.notes) },
  ];
}
