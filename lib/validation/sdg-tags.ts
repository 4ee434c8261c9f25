import { z } from 'zod';
import { isSdgCode, MAX_SDG_TAGS } from '@/lib/sdg';

/**
 * The SDG tags form of a goal or an indicator: the whole list of codes it contributes to (an empty list clears
 * them). Codes are checked against the UN list in lib/sdg. Messages are catalog keys.
 */
export const sdgTagsSchema = z.object({
  entity: z.enum(['goal', 'indicator'], { error: 'sdg.validation.invalid' }),
  id: z.coerce.number({ error: 'sdg.validation.invalid' }).int('sdg.validation.invalid').positive('sdg.validation.invalid'),
  tags: z
    .array(z.string().trim().refine(isSdgCode, 'sdg.validation.unknownCode'))
    .max(MAX_SDG_TAGS, 'sdg.validation.tooMany')
    .default([]),
});
export type SdgTagsInput = z.infer<typeof sdgTagsSchema>;
