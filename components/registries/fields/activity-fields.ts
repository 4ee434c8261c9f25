import type { Activity } from '@/types/registries';
import { activityFormats } from '@/lib/validation/registries';
import type { FieldSpec } from '../registry-form';
import { cityChoices, str, valueOptions, type T } from './options';

export function activityFields(t: T, today: string, cities: { id: number; name: string; country: string }[], activity?: Activity & { cityIds: number[]; cityParticipants: string }): FieldSpec[] {
  const label = (k: string) => t(`registries.activities.fields.${k}`);
  return [
    { name: 'title', label: label('title'), type: 'text', required: true, maxLength: 200, defaultValue: activity?.title },
    { name: 'topic', label: label('topic'), type: 'text', required: true, maxLength: 100, defaultValue: activity?.topic },
    { name: 'format', label: label('format'), type: 'select', required: true, options: valueOptions(t, 'activityFormat', activityFormats), defaultValue: activity?.format ?? 'online' },
    { name: 'heldOn', label: label('heldOn'), type: 'date', required: true, defaultValue: activity?.heldOn ?? today },
    { name: 'participantsTotal', label: label('participantsTotal'), type: 'number', required: true, step: '1', defaultValue: str(activity?.participantsTotal ?? 0) },
    { name: 'participantsFemale', label: label('participantsFemale'), type: 'number', step: '1', defaultValue: str(activity?.participantsFemale), hint: t('registries.activities.bySexHint') },
    { name: 'participantsMale', label: label('participantsMale'), type: 'number', step: '1', defaultValue: str(activity?.participantsMale) },
    { name: 'cityIds', label: label('cityIds'), type: 'multiselect', options: cityChoices(cities), defaultValue: (activity?.cityIds ?? []).map(String) },
    { name: 'cityParticipants', label: label('cityParticipants'), type: 'text', maxLength: 2000, defaultValue: activity?.cityParticipants ?? '', hint: t('registries.activities.cityParticipantsHint') },
    { name: 'notes', label: label('notes'), type: 'textarea', maxLength: 2000, defaultValue: str(activity?.notes) },
  ];
}
