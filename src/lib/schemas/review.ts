import { z } from 'astro/zod';
import { contentDate } from './fields.ts';

/** What an editor reads when a published review has no rating. */
export const REVIEW_RATING_MESSAGE = 'a review needs a rating: a whole number from 1 to 5';

/** A review's block; `rating` and `visitDate` may be empty in a draft (see buildPostSchema). */
export const reviewDetailsSchema = (timeZone: string) =>
  z.strictObject({
    /** The therapist or business reviewed. */
    subject: z.string().trim().min(1),
    area: z.string().trim().min(1),
    city: z.string().trim().min(1),
    services: z.array(z.string().trim().min(1)).min(1, 'name at least one service, e.g. [Mobile massage]'),
    rating: z
      .number({ error: REVIEW_RATING_MESSAGE })
      .int('the rating must be a whole number from 1 to 5')
      .min(1, 'the rating must be from 1 to 5')
      .max(5, 'the rating must be from 1 to 5')
      // Left empty in a new review's template (a draft): required to publish, see buildPostSchema.
      .nullish()
      .transform((rating) => rating ?? undefined),
    visitDate: contentDate(timeZone)
      .nullish()
      .transform((date) => date ?? undefined),
  });

/** A review's details as a page shows them (rating and visit date are undefined only in a draft). */
export type ReviewDetails = z.output<ReturnType<typeof reviewDetailsSchema>>;
