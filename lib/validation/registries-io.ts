import type { Registry } from './registries';

/**
 * The file format of each registry's export and import (CSV and XLSX share it): one column per field, codes
 * for closed lists (as in the forms), ISO dates, cities by name (or "Name (Country)" when a name is ambiguous),
 * several cities separated by semicolons. An export can be re-imported; import always creates new records.
 */

export interface IoColumn {
  /** The header in the file. */
  header: string;
  /** The form field it feeds on import (its errors are reported against this column); none: export only. */
  field?: string;
}

export const IO_COLUMNS: Record<Registry, IoColumn[]> = {
  cities: [
    { header: 'name', field: 'name' },
    { header: 'name_zh', field: 'nameZh' },
    { header: 'country', field: 'country' },
    { header: 'region', field: 'region' },
    { header: 'latitude', field: 'latitude' },
    { header: 'longitude', field: 'longitude' },
    { header: 'status', field: 'status' },
    { header: 'status_date', field: 'statusDate' },
    { header: 'engaged_on' },
    { header: 'focal_point', field: 'focalPoint' },
    { header: 'description', field: 'description' },
    { header: 'description_zh', field: 'descriptionZh' },
    { header: 'notes', field: 'notes' },
  ],
  partners: [
    { header: 'name', field: 'name' },
    { header: 'name_zh', field: 'nameZh' },
    { header: 'type', field: 'type' },
    { header: 'status', field: 'status' },
    { header: 'status_date', field: 'statusDate' },
    { header: 'since', field: 'since' },
    { header: 'via_national_partner', field: 'viaNationalPartner' },
    { header: 'cities', field: 'cityIds' },
    { header: 'notes', field: 'notes' },
  ],
  clusters: [
    { header: 'name', field: 'name' },
    { header: 'name_zh', field: 'nameZh' },
    { header: 'sector', field: 'sector' },
    { header: 'lead_city', field: 'leadCityId' },
    { header: 'stage', field: 'status' },
    { header: 'stage_date', field: 'statusDate' },
    { header: 'description', field: 'description' },
    { header: 'description_zh', field: 'descriptionZh' },
    { header: 'current_members' },
  ],
  'support-requests': [
    { header: 'city', field: 'cityId' },
    { header: 'category', field: 'category' },
    { header: 'received_on', field: 'receivedOn' },
    { header: 'status', field: 'status' },
    { header: 'status_date', field: 'statusDate' },
    { header: 'responded_on', field: 'respondedOn' },
    { header: 'description', field: 'description' },
    { header: 'response', field: 'response' },
  ],
  activities: [
    { header: 'title', field: 'title' },
    { header: 'topic', field: 'topic' },
    { header: 'format', field: 'format' },
    { header: 'held_on', field: 'heldOn' },
    { header: 'participants_total', field: 'participantsTotal' },
    { header: 'participants_female', field: 'participantsFemale' },
    { header: 'participants_male', field: 'participantsMale' },
    { header: 'cities', field: 'cityIds' },
    { header: 'notes', field: 'notes' },
  ],
};

/** The column a form field's error is reported against. */
export function columnOf(registry: Registry, field: string): string {
  return IO_COLUMNS[registry].find((c) => c.field === field)?.header ?? field;
}

export type IoRow = Record<string, string>;

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
