import { z } from 'zod';
import {
  activityFormats,
  checkbox,
  choice,
  cityStatuses,
  clusterStages,
  idList,
  isoDate,
  needCategories,
  optionalCount,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  partnerStatuses,
  partnerTypes,
  regions,
  requestStatuses,
  requiredCount,
  requiredText,
} from './registries';
import { cityParticipantsField } from './city-participants';

/**
 * The create / edit forms of the registries, also used row by row by the CSV/XLSX import. `statusDate` is the
 * date of the status (or stage) change the form records in the dated history; `confirm` is the user's
 * confirmation of a change that skips a stage (see needsConfirmation).
 */

export const cityFormSchema = z
  .object({
    name: requiredText(120),
    nameZh: optionalText(120),
    country: requiredText(100),
    region: choice(regions),
    latitude: optionalNumber(-90, 90, 'registries.validation.latitudeRange'),
    longitude: optionalNumber(-180, 180, 'registries.validation.longitudeRange'),
    status: choice(cityStatuses),
    statusDate: isoDate(),
    focalPoint: optionalText(200),
    description: optionalText(2000),
    descriptionZh: optionalText(2000),
    notes: optionalText(2000),
    confirm: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === null) !== (v.longitude === null)) {
      const path = v.latitude === null ? 'latitude' : 'longitude';
      ctx.addIssue({ code: 'custom', path: [path], message: 'registries.validation.coordinatesPair' });
    }
  });
export type CityInput = z.infer<typeof cityFormSchema>;

export const partnerFormSchema = z
  .object({
    name: requiredText(200),
    nameZh: optionalText(200),
    type: choice(partnerTypes),
    status: choice(partnerStatuses),
    statusDate: isoDate(),
    since: optionalDate,
    viaNationalPartner: checkbox,
    cityIds: idList,
    notes: optionalText(2000),
    confirm: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.since !== null && v.since > v.statusDate && v.status !== 'prospective') {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'registries.validation.sinceAfterStatus' });
    }
  });
export type PartnerInput = z.infer<typeof partnerFormSchema>;

export const clusterFormSchema = z.object({
  name: requiredText(200),
  nameZh: optionalText(200),
  sector: requiredText(100),
  leadCityId: optionalId,
  status: choice(clusterStages),
  statusDate: isoDate(),
  description: optionalText(2000),
  descriptionZh: optionalText(2000),
  confirm: checkbox,
});
export type ClusterInput = z.infer<typeof clusterFormSchema>;

export const clusterMemberFormSchema = z.object({
  clusterId: z.coerce.number().int().positive(),
  cityId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'registries.validation.required' }).int().positive('registries.validation.required')),
  joinedOn: isoDate(),
});

export const clusterLeaveFormSchema = z.object({
  memberId: z.coerce.number().int().positive(),
  leftOn: isoDate(),
});

export const supportRequestFormSchema = z
  .object({
    cityId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'registries.validation.required' }).int().positive('registries.validation.required')),
    category: choice(needCategories),
    receivedOn: isoDate(),
    status: choice(requestStatuses),
    statusDate: isoDate(),
    respondedOn: optionalDate,
    description: requiredText(2000),
    response: optionalText(2000),
    confirm: checkbox,
  })
  .transform((v) => ({
    ...v,
    // Marking a request responded records the response on the day of the change unless a date is given.
    respondedOn: v.respondedOn ?? (v.status === 'responded' ? v.statusDate : null),
  }))
  .superRefine((v, ctx) => {
    if (v.statusDate < v.receivedOn) ctx.addIssue({ code: 'custom', path: ['statusDate'], message: 'registries.validation.beforeReceived' });
    if (v.respondedOn !== null && v.respondedOn < v.receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['respondedOn'], message: 'registries.validation.respondedBeforeReceived' });
    }
    if (v.status === 'closed' && v.respondedOn === null) {
      ctx.addIssue({ code: 'custom', path: ['respondedOn'], message: 'registries.validation.respondedOnRequired' });
    }
    if ((v.status === 'received' || v.status === 'in_progress') && v.respondedOn !== null) {
      ctx.addIssue({ code: 'custom', path: ['respondedOn'], message: 'registries.validation.respondedOnTooEarly' });
    }
  });
export type SupportRequestInput = z.infer<typeof supportRequestFormSchema>;

export const activityFormSchema = z
  .object({
    title: requiredText(200),
    topic: requiredText(100),
    format: choice(activityFormats),
    heldOn: isoDate(),
    participantsTotal: requiredCount,
    participantsFemale: optionalCount,
    participantsMale: optionalCount,
    cityIds: idList,
    /** Participants from some of its cities, "Almaty: 18; Tashkent: 8"; the rest of the total has no city. */
    cityParticipants: cityParticipantsField,
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    // zod runs refinements even after a field failed: only compare a valid total.
    if (v.participantsTotal >= 0 && (v.participantsFemale ?? 0) + (v.participantsMale ?? 0) > v.participantsTotal) {
      ctx.addIssue({ code: 'custom', path: ['participantsFemale'], message: 'registries.validation.bySexExceedsTotal' });
    }
    const byCity = Array.isArray(v.cityParticipants) ? v.cityParticipants.reduce((sum, c) => sum + c.participants, 0) : 0;
    if (v.participantsTotal >= 0 && byCity > v.participantsTotal) {
      ctx.addIssue({ code: 'custom', path: ['cityParticipants'], message: 'registries.validation.cityParticipantsExceedTotal' });
    }
  });
export type ActivityInput = z.infer<typeof activityFormSchema>;

export const cityFormFields = ['name', 'nameZh', 'country', 'region', 'latitude', 'longitude', 'status', 'statusDate', 'focalPoint', 'description', 'descriptionZh', 'notes', 'confirm'] as const;
export const partnerFormFields = ['name', 'nameZh', 'type', 'status', 'statusDate', 'since', 'viaNationalPartner', 'notes', 'confirm'] as const;
export const clusterFormFields = ['name', 'nameZh', 'sector', 'leadCityId', 'status', 'statusDate', 'description', 'descriptionZh', 'confirm'] as const;
export const supportRequestFormFields = ['cityId', 'category', 'receivedOn', 'status', 'statusDate', 'respondedOn', 'description', 'response', 'confirm'] as const;
export const activityFormFields = ['title', 'topic', 'format', 'heldOn', 'participantsTotal', 'participantsFemale', 'participantsMale', 'cityParticipants', 'notes'] as const;
