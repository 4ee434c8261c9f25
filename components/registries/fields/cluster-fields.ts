import type { Cluster } from '@/types/registries';
import { clusterStages } from '@/lib/validation/registries';
import type { FieldSpec } from '../registry-form';
import { cityChoices, str, valueOptions, type T } from './options';

export function clusterFields(t: T, today: string, cities: { id: number; name: string; country: string }[], cluster?: Cluster): FieldSpec[] {
  const label = (k: string) => t(`registries.clusters.fields.${k}`);
  return [
    { name: 'name', label: label('name'), type: 'text', required: true, maxLength: 200, defaultValue: cluster?.name },
    { name: 'nameZh', label: label('nameZh'), type: 'text', maxLength: 200, defaultValue: str(cluster?.nameZh) },
    { name: 'sector', label: label('sector'), type: 'text', required: true, maxLength: 100, defaultValue: cluster?.sector },
    { name: 'leadCityId', label: label('leadCityId'), type: 'select', options: cityChoices(cities), defaultValue: str(cluster?.leadCityId) },
    { name: 'status', label: label('status'), type: 'select', required: true, options: valueOptions(t, 'clusterStage', clusterStages), defaultValue: cluster?.stage ?? 'proposed' },
    { name: 'statusDate', label: label('statusDate'), type: 'date', required: true, defaultValue: today, hint: t('registries.cities.statusDateHint') },
    { name: 'description', label: label('description'), type: 'textarea', maxLength: 2000, defaultValue: str(cluster?.description) },
    { name: 'descriptionZh', label: label('descriptionZh'), type: 'textarea', maxLength: 2000, defaultValue: str(cluster?.descriptionZh) },
  ];
}
