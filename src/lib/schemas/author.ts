import { z } from 'astro/zod';
import { extraField, webUrl } from './fields.ts';

export const authorSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** A person, or a team writing together (search engines are told which). */
  type: z.enum(['person', 'organization'], { error: 'type must be "person" or "organization"' }).default('person'),
  bio: z.string().trim().min(1),
  credentials: z.string().trim().min(1).optional(),
  url: webUrl().optional(),
  extra: extraField,
});
