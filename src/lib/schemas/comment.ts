import { z } from 'astro/zod';
import { removeBidiControls } from '../slugs.ts';
import { commenterWebsite, contentDate, feedIdField } from './fields.ts';

export const commentSchema = (timeZone: string) =>
  z.strictObject({
    // A name's bidi controls would turn the page and feed text after it around (see removeBidiControls).
    author: z.string().overwrite(removeBidiControls).trim().min(1, 'a comment needs the author name').max(80),
    date: contentDate(timeZone),
    website: commenterWebsite,
    // A file named 02.md is written "replyTo: 02", which YAML reads as a number.
    replyTo: z
      .union([z.string(), z.number()])
      .transform((value) => String(value).trim())
      .pipe(z.string().min(1, 'replyTo names the comment file it answers, without .md'))
      .optional(),
    feedId: feedIdField,
  });
