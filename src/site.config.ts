import { z } from 'astro/zod';
import { INBOX_URL_VARIABLE, resolveCommentChannel, type CommentChannel } from './lib/comments.ts';
import { EditorMistakeError, formatIssues } from './lib/config-errors.ts';
import { langField } from './lib/schemas.ts';

const siteConfigSchema = z.object({
  /** The site's public address, with no trailing path; feeds, canonical links and the sitemap use it. */
  url: z.url({ protocol: /^https?$/ }),
  /** The site's name, shown in the header, the page title and the feeds. */
  title: z.string().min(1),
  /** One sentence about the site, for the home page, search engines and the feed. */
  description: z.string().min(1),
  /**
   * The language of the site and of every post or page without its own `lang`: a BCP 47 tag
   * checked against the IANA registry (en-GB, pt-BR, es-419, zh-Hant, sr-Latn-RS).
   */
  language: langField,
  /** IANA time zone in which dates without a time are read and all dates are shown. */
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'use an IANA time zone name such as Europe/London'),
  /**
   * The date part of every feed item's id (a tag: URI, RFC 4151), e.g. 2025-06-01: any date on which
   * the owner held the site's address. Set it once and never change it: feed readers know each
   * post by its id, and a new id shows every post to every subscriber again as unread.
   */
  feedIdDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write it as YYYY-MM-DD, e.g. 2025-06-01')
    .refine((date) => {
      const parsed = new Date(`${date}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
    }, 'this is not a real calendar date; use one such as 2025-06-01'),
  /**
   * The host name in every feed item's id; by default the host of `url`. After moving the site to a
   * new address, set this to the old host so that feed readers do not see every post as new.
   */
  feedIdHost: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'use a host name such as example.com')
    .optional(),
  /** The author id (a file in content/authors/) used when a post names none. */
  defaultAuthor: z.string().min(1),
  /** How many posts a page of the home and tag lists shows. */
  postsPerPage: z.number().int().min(1).max(100),
  /** The icon browsers show in tabs and bookmarks: a file in public/ (.svg, .png or .ico). */
  favicon: z
    .string()
    .regex(/^\/[^\s?#]+\.(svg|png|ico)$/i, 'write the path of an .svg, .png or .ico file in public/, e.g. /favicon.svg')
    .default('/favicon.svg'),
  /**
   * An optional logo shown before the site's name in the header: a file in public/ (.svg, .png or
   * .webp) and its size in CSS pixels, so the page does not shift while it loads.
   */
  logo: z
    .object({
      src: z
        .string()
        .regex(
          /^\/[^\s?#]+\.(svg|png|webp)$/i,
          'write the path of an .svg, .png or .webp file in public/, e.g. /logo.svg',
        ),
      width: z.number().int().min(1).max(400),
      height: z.number().int().min(1).max(200),
    })
    .optional(),
  popularPosts: z.object({
    /** How many posts the "Popular posts" sidebar lists. */
    count: z.number().int().min(1).max(20),
    /** Post slugs that lead the list, in this order, whatever their page views. */
    pinned: z.array(z.string()),
  }),
  comments: z.discriminatedUnion('mode', [
    /** Readers send comments by email; the editor adds approved ones under content/comments/. */
    z.object({ mode: z.literal('mailto'), address: z.email() }),
    /** Readers send comments through a form at this URL; {title} and {url} are filled in. */
    z.object({ mode: z.literal('form'), url: z.url({ protocol: /^https?$/ }) }),
    /**
     * Readers comment with a form on each post, sent to the owner's comment inbox at this address
     * (npm run comments:serve). The COMMENTS_INBOX_URL variable at build time sets this mode and URL.
     */
    z.object({ mode: z.literal('inbox'), url: z.url({ protocol: /^https?$/ }) }),
  ]),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Validates the settings below; a mistake stops the build with one sentence per problem. */
export function defineSiteConfig(config: z.input<typeof siteConfigSchema>): SiteConfig {
  const result = siteConfigSchema.safeParse(config);
  if (result.success) return result.data;
  throw new EditorMistakeError(
    ['The site settings have problems:', ...formatIssues('src/site.config.ts', result.error.issues)].join('\n  '),
  );
}

/** Every setting of the site. Edit here; README "Settings" explains each. */
export const SITE = defineSiteConfig({
  url: 'https://massage-wellness.example',
  title: 'Massage & Wellness',
  description:
    'Massage, reflexology and wellbeing: plain-spoken articles on how touch may support health, and honest reviews of therapists in London.',
  language: 'en-GB',
  timeZone: 'Europe/London',
  defaultAuthor: 'editorial',
  feedIdDate: '2025-06-01',
  postsPerPage: 10,
  popularPosts: { count: 3, pinned: [] },
  comments: { mode: 'mailto', address: 'comments@massage-wellness.example' },
});

/** The comment channel this build uses: the settings, or the inbox that COMMENTS_INBOX_URL names. */
export const COMMENT_CHANNEL: CommentChannel = resolveCommentChannel(SITE.comments, process.env[INBOX_URL_VARIABLE]);
