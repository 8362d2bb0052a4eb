import { z } from 'astro/zod';
import {
  contentDate,
  extraField,
  feedIdField,
  langField,
  oldLabelsField,
  redirectFromField,
  slugField,
  sourceSchema,
  tagsField,
  typographyField,
} from './fields.ts';
import { REVIEW_RATING_MESSAGE, reviewDetailsSchema } from './review.ts';

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
    oldLabels: oldLabelsField,
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
    typography: typographyField,
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
