import type { SupportRequest } from '@/types/registries';
import { needCategories, requestStatuses } from '@/lib/validation/registries';
import type { FieldSpec } from '../registry-form';
import { cityChoices, str, valueOptions, type T } from './options';

export function supportRequestFields(t: T, today: string, cities: { id: number; name: string; country: string }[], request?: SupportRequest): FieldSpec[] {
  const label = (k: string) => t(`registries.support-requests.fields.${k}`);
  return [
    { name: 'cityId', label: label('cityId'), type: 'select', required: true, options: cityChoices(cities), defaultValue: str(request?.cityId) },
    { name: 'category', label: label('category'), type: 'select', required: true, options: valueOptions(t, 'needCategory', needCategories), defaultValue: request?.category ?? 'medical_supplies' },
    { name: 'receivedOn', label: label('receivedOn'), type: 'date', required: true, defaultValue: request?.receivedOn ?? today },
    { name: 'status', label: label('status'), type: 'select', required: true, options: valueOptions(t, 'requestStatus', requestStatuses), defaultValue: request?.status ?? 'received' },
    { name: 'statusDate', label: label('statusDate'), type: 'date', required: true, defaultValue: today, hint: t('registries.cities.statusDateHint') },
    { name: 'respondedOn', label: label('respondedOn'), type: 'date', defaultValue: str(request?.respondedOn), hint: t('registries.support-requests.respondedOnHint') },
    { name: 'description', label: label('description'), type: 'textarea', required: true, maxLength: 2000, defaultValue: str(request?.description) },
    { name: 'response', label: label('response'), type: 'textarea', maxLength: 2000, defaultValue: str(request?.response) },
  ];
}
