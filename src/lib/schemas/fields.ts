/** Fields shared by the collections' schemas: addresses, dates, language, tags, sources, redirects. */
import { z } from 'astro/zod';
import { parseContentDate, suggestCalendarDate } from '../dates.ts';
import { parseLanguageTag } from '../language.ts';
import { isSlug, toTags } from '../slugs.ts';
import { describeUrlProblem, judgeUrl } from '../urls.ts';

/**
 * A web address (http or https) for a field that needs a full one (judgeUrl's `absolute` rule: no
 * "http://" alone, no host with spaces, no misspelt scheme...), normalised by the URL parser, so
 * characters that may not stand in an href (a space, <, ") come out percent-encoded. A refused
 * address gets judgeUrl's message: what is wrong and what to write. `message` is for a value that
 * is not text at all.
 */
export function webUrl(message = 'write a full web address starting with https://') {
  return z.string({ error: message }).transform((value, ctx) => {
    const verdict = judgeUrl(value, 'absolute');
    if (verdict.ok) return new URL(value.trim()).href;
    ctx.addIssue({ code: 'custom', message: describeUrlProblem('', value, verdict) });
    return z.NEVER;
  });
}

/**
 * A reader's website on a comment: kept when it is a usable web address, else left out (undefined)
 * rather than stopping the build, since readers write it, not editors; the content check warns,
 * naming the comment file.
 */
export const commenterWebsite = z
  .unknown()
  .transform((value) =>
    typeof value === 'string' && judgeUrl(value, 'absolute').ok ? new URL(value.trim()).href : undefined,
  )
  .optional();

/** A frontmatter date, read in the site's time zone (see parseContentDate). */
export function contentDate(timeZone: string) {
  return z.unknown().transform((value, ctx): Date => {
    const date = parseContentDate(value, timeZone);
    if (date) return date;
    const suggestion = typeof value === 'string' ? suggestCalendarDate(value) : undefined;
    ctx.addIssue({
      code: 'custom',
      message:
        value === undefined
          ? 'missing; write the date as YYYY-MM-DD, e.g. 2025-05-22'
          : value === null
            ? 'is empty; write the date as YYYY-MM-DD, e.g. 2025-05-22'
            : suggestion
              ? `${JSON.stringify(value)} is not a date; write it as ${suggestion}`
              : `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD (e.g. 2025-05-22), optionally with a time (2025-05-22T09:30)`,
    });
    return z.NEVER;
  });
}

/**
 * The language a post or page is written in: a BCP 47 tag (RFC 5646) checked against the IANA
 * registry and given its canonical case ("zh-hant" → "zh-Hant"); left out, the site's `language`.
 * A bad tag is a content error with the tag to write ("pt_BR" → pt-BR).
 */
export const langField = z
  .string({ error: 'lang is a language tag such as en-GB, pt-BR or zh-Hant' })
  .transform((value, ctx): string => {
    const result = parseLanguageTag(value);
    if (result.ok) return result.tag;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

/** Tags as written in frontmatter, returned as {slug, label} pairs with duplicates merged. */
export const tagsField = z
  .array(z.string().trim().min(1, 'a tag cannot be empty'), {
    error: 'tags must be a list, e.g. tags: [reflexology, stress]',
  })
  .default([])
  .transform((labels) => toTags(labels));

export const sourceSchema = z.strictObject({
  title: z.string().trim().min(1),
  url: webUrl('a source url must be a full web address starting with https://'),
  publisher: z.string().trim().min(1).optional(),
});

/** Old addresses that should lead to this post or page (after an import, or a change of slug). */
export const redirectFromField = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\/\S*$/, 'an old address is a path starting with /, e.g. /2023/05/my-post.html')
      .refine(
        (path) => !path.split(/[/?#]/).includes('..'),
        'an old address cannot contain "..", e.g. /2023/05/my-post.html',
      ),
  )
  .default([]);

/**
 * Labels a post had on the old blog, written differently from the tag each became, as
 * `old label: tag` (the Blogger importer writes them when it merges spellings, "self care: Self-care",
 * or names a label of symbols, "—: — (em dash)"): the old /search/label/<old label> address leads
 * to that tag's page. Each tag must be one of the post's tags (the content check says so). An empty
 * tag (`"\u00a0": ""`, for a label of spaces or invisible characters only, which cannot be a tag)
 * makes the old address lead to the post, or to /tags/ when several posts had that label. A label
 * is kept as written when trimming would leave nothing, since its old address is those characters.
 */
export const oldLabelsField = z
  .record(
    z
      .string()
      .min(1, 'an old label cannot be empty')
      .transform((label) => label.trim() || label),
    z.string({ error: 'oldLabels maps each old label to one of the post’s tags, e.g. "self care: Self-care"' }).trim(),
    { error: 'oldLabels maps each old label to one of the post’s tags, e.g. "self care: Self-care"' },
  )
  .default({});

/**
 * The id a post or comment had in the old blog's feeds (the importer writes it, e.g.
 * tag:blogger.com,1999:blog-1.post-2), kept so that feed readers do not show it again as new after
 * the move. Editors never need to write one.
 */
export const feedIdField = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9+.-]*:\S+$/i,
    'feedId is the id the old feed gave this item, a URI such as tag:blogger.com,1999:blog-1.post-2; delete the line if unsure',
  )
  .optional();

/**
 * Fields of the editor's own that the site does not use (e.g. `extra: { mood: calm }`): the one place
 * where any key is allowed. Every other key that no schema defines is an error, so a typo such as
 * `drafts: true` cannot publish a post by being ignored.
 */
export const extraField = z
  .record(z.string(), z.unknown(), { error: 'extra holds fields of your own, e.g. extra: { mood: calm }' })
  .optional();

/**
 * Typography in the rendered text: on by default (straight quotes curl, "..." becomes …); `false`
 * keeps every character as typed. The Blogger importer writes `typography: false`, so an imported
 * post shows the characters its author wrote (issue 19). Code is never touched either way; see
 * withTypographyChoice in src/integrations/markdown-typography.ts, which reads this field.
 */
export const typographyField = z
  .boolean({ error: 'typography is true (curl quotes, … for "...") or false (keep every character as typed)' })
  .optional();

/** A URL slug an editor may set to change a post's address: lowercase letters of any script, digits and hyphens (isSlug). */
export const slugField = z
  .string()
  .refine(isSlug, 'a slug uses lowercase letters, digits and single hyphens, e.g. my-first-post or 按摩入门');
