import { z } from 'astro/zod';
import { contentDate, extraField, langField, redirectFromField, typographyField } from './fields.ts';

export const pageSchema = (timeZone: string) =>
  z.strictObject({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1).max(300),
    updatedDate: contentDate(timeZone).optional(),
    /** Keeps the page off the site, like a post's draft; `npm run dev` still shows it. */
    draft: z.boolean().default(false),
    redirectFrom: redirectFromField,
    extra: extraField,
    lang: langField.optional(),
    typography: typographyField,
    /** Set by the Blogger importer on a page whose images came without a description (as on posts). */
    altTextPending: z.boolean().default(false),
  });
