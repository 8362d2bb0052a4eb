import { z } from 'astro/zod';

/** A page-view snapshot: path or URL → views, as exported from any analytics tool. */
export const pageViewsSnapshotSchema = z.object({
  views: z.record(
    z.string(),
    z.number().int('page views are whole numbers').nonnegative('page views cannot be negative'),
  ),
});
