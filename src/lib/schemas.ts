import { z } from 'astro/zod';
import { parseContentDate, suggestCalendarDate } from './dates.ts';
import { parseLanguageTag } from './language.ts';
import { toTags } from './slugs.ts';
import { describeUrlProblem, judgeUrl } from './urls.ts';

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

const REVIEW_RATING_MESSAGE = 'a review needs a rating: a whole number from 1 to 5';

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

/** A URL slug an editor may set to change a post's address: lowercase letters, digits and hyphens. */
export const slugField = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug uses lowercase letters, digits and single hyphens, e.g. my-first-post');

interface PostSchemaParts<I extends z.ZodType, A extends z.ZodType> {
  /** Astro's image() from the schema context (checks the file exists and reads its size). */
  image: I;
  /** reference('authors') from astro:content. */
  author: A;
  timeZone: string;
}

const HERO_ALT_MESSAGE = 'a hero image needs alt text: describe what it shows for readers who cannot see it';

/**
 * Everything in a post's frontmatter schema but the hero image: built once per author schema and
 * time zone. Astro asks for a collection's schema once per entry (image() knows the entry's
 * folder), and building this union afresh each time cost about 2.6 ms an entry, against 0.04 ms
 * to use one already built.
 */
function buildPostSchema<A extends z.ZodType>(author: A, timeZone: string) {
  const date = contentDate(timeZone);
  const common = {
    title: z.string().trim().min(1, 'a post needs a title'),
    description: z
      .string()
      .trim()
      .min(1, 'a post needs a description: one or two sentences for lists, search engines and feeds')
      .max(300, 'keep the description under 300 characters; it is a summary, not the post'),
    pubDate: date,
    updatedDate: date.optional(),
    draft: z.boolean().default(false),
    slug: slugField.optional(),
    tags: tagsField,
    author,
    hero: z
      .strictObject({
        // Resolved to the image itself per entry, in createPostSchema.
        image: z.string({ error: 'hero.image is the image file next to the post, e.g. ./hero.jpg' }),
        alt: z.string({ error: HERO_ALT_MESSAGE }).trim().min(1, HERO_ALT_MESSAGE),
      })
      .optional(),
    sources: z.array(sourceSchema).default([]),
    redirectFrom: redirectFromField,
    feedId: feedIdField,
    extra: extraField,
    /** Whether readers may send new comments (published ones stay shown either way). */
    comments: z.enum(['open', 'closed'], { error: 'comments must be "open" or "closed"' }).default('open'),
    lang: langField.optional(),
    /**
     * Set by the Blogger importer on a post whose images came without a description. While it is
     * true, an image with no alt text is counted in one build warning instead of stopping the build;
     * once every image is described, delete it and the strict rule applies again.
     */
    altTextPending: z.boolean().default(false),
  };
  return z
    .discriminatedUnion(
      'kind',
      [
        z.strictObject({
          ...common,
          kind: z.literal('article'),
          /** Shows the health disclaimer: on by default for articles. */
          health: z.boolean().default(true),
        }),
        z.strictObject({
          ...common,
          kind: z.literal('review'),
          health: z.boolean().default(false),
          review: reviewDetailsSchema(timeZone),
        }),
      ],
      { error: 'kind must be "article" or "review"' },
    )
    .superRefine(
      (post, ctx) => {
        // A draft review may leave its rating and visit date empty (the template does, so that a
        // forgotten rating never publishes an invented one); a published review needs both. Run even
        // when other fields are wrong, so every problem is reported at once.
        const review = (post as { review?: unknown }).review;
        if (post.kind !== 'review' || post.draft === true || !review || typeof review !== 'object') return;
        const { rating, visitDate } = review as { rating?: unknown; visitDate?: unknown };
        if (rating == null) {
          ctx.addIssue({ code: 'custom', path: ['review', 'rating'], message: REVIEW_RATING_MESSAGE });
        }
        if (visitDate == null) {
          ctx.addIssue({
            code: 'custom',
            path: ['review', 'visitDate'],
            message: 'a review needs visitDate: the day of the visit, e.g. 2024-03-09',
          });
        }
      },
      { when: () => true },
    )
    .superRefine((post, ctx) => {
      if (post.updatedDate && post.updatedDate < post.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: 'updatedDate is before pubDate; an update cannot come before the post was published',
        });
      }
    });
}

const builtPostSchemas = new WeakMap<z.ZodType, Map<string, ReturnType<typeof buildPostSchema>>>();

function getPostSchemaBase<A extends z.ZodType>(author: A, timeZone: string) {
  let byZone = builtPostSchemas.get(author);
  if (!byZone) builtPostSchemas.set(author, (byZone = new Map()));
  let schema = byZone.get(timeZone);
  if (!schema) byZone.set(timeZone, (schema = buildPostSchema(author, timeZone)));
  return schema as ReturnType<typeof buildPostSchema<A>>;
}

/**
 * A post's frontmatter: an article or a review (the `kind` field decides), so a review without a
 * rating, or an article with review fields, is an error. The hero image goes through `image`
 * (Astro's image(), which may work asynchronously, or a plain string schema in the editor checks).
 */
export function createPostSchema<I extends z.ZodType, A extends z.ZodType>({
  image,
  author,
  timeZone,
}: PostSchemaParts<I, A>) {
  return getPostSchemaBase(author, timeZone).transform((post, ctx) => {
    if (!post.hero) return { ...post, hero: undefined };
    const hero = post.hero;
    const finish = (result: z.ZodSafeParseResult<z.output<I>>) => {
      if (result.success) return { ...post, hero: { ...hero, image: result.data } };
      for (const issue of result.error.issues) {
        ctx.addIssue({ ...issue, path: ['hero', 'image', ...issue.path] } as z.core.$ZodRawIssue);
      }
      return z.NEVER;
    };
    // A synchronous parse (the editor checks) gets a synchronous answer; Astro's image() is
    // asynchronous, and Astro parses collections asynchronously.
    let result: z.ZodSafeParseResult<z.output<I>>;
    try {
      result = image.safeParse(hero.image) as z.ZodSafeParseResult<z.output<I>>;
    } catch (error) {
      if (!(error instanceof z.core.$ZodAsyncError)) throw error;
      return (image.safeParseAsync(hero.image) as Promise<z.ZodSafeParseResult<z.output<I>>>).then(finish);
    }
    return finish(result);
  });
}

export const authorSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** A person, or a team writing together (search engines are told which). */
  type: z.enum(['person', 'organization'], { error: 'type must be "person" or "organization"' }).default('person'),
  bio: z.string().trim().min(1),
  credentials: z.string().trim().min(1).optional(),
  url: webUrl().optional(),
  extra: extraField,
});

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
  });

export const commentSchema = (timeZone: string) =>
  z.strictObject({
    author: z.string().trim().min(1, 'a comment needs the author name').max(80),
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

/** "4:05" or "1:02:03" → seconds. */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function createVideoSchema<I extends z.ZodType>(image: I, timeZone: string) {
  return z.strictObject({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    /** The day the video was first published; search engines require it. */
    uploadDate: z
      .unknown()
      .pipe(
        z.custom<unknown>((value) => value !== undefined, {
          error: 'a video needs uploadDate: the day it was first published, e.g. 2026-11-26',
        }),
      )
      .pipe(contentDate(timeZone)),
    duration: z.string().transform((text, ctx) => {
      const seconds = parseDuration(text);
      if (seconds !== null) return seconds;
      ctx.addIssue({ code: 'custom', message: `duration "${text}" should be written as m:ss or h:mm:ss, e.g. 4:05` });
      return z.NEVER;
    }),
    poster: image,
    source: z.discriminatedUnion(
      'provider',
      [
        z.strictObject({
          provider: z.literal('youtube'),
          id: z.string().regex(/^[\w-]{11}$/, 'a YouTube id is 11 characters, as in youtube.com/watch?v=ID'),
        }),
        z.strictObject({
          provider: z.literal('vimeo'),
          id: z.string().regex(/^\d+$/, 'a Vimeo id is a number, as in vimeo.com/ID'),
        }),
        z.strictObject({
          provider: z.literal('file'),
          src: z
            .string()
            .regex(/^\/.+\.(mp4|webm)$/, 'a video file is a path under public/, e.g. /media/clip.webm')
            .superRefine((src, ctx) => {
              // "//host/clip.mp4" matches the pattern but is another site's file; judgeUrl says what else is wrong.
              const verdict = judgeUrl(src, 'resource');
              if (!verdict.ok) ctx.addIssue({ code: 'custom', message: describeUrlProblem('', src, verdict) });
              else if (verdict.kind !== 'site-path') {
                ctx.addIssue({
                  code: 'custom',
                  message: `"${src}" is another site's file; put the video in public/ and write its path, e.g. /media/clip.webm`,
                });
              }
            }),
          type: z.enum(['video/mp4', 'video/webm']).optional(),
        }),
      ],
      { error: 'source.provider must be youtube, vimeo or file' },
    ),
    extra: extraField,
  });
}

/** A page-view snapshot: path or URL → views, as exported from any analytics tool. */
export const pageViewsSnapshotSchema = z.object({
  views: z.record(
    z.string(),
    z.number().int('page views are whole numbers').nonnegative('page views cannot be negative'),
  ),
});
