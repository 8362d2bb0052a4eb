import { bodyAddresses } from './body-addresses.ts';
import { commentFields } from './comment-fields.ts';
import { commentLinks } from './comment-links.ts';
import { commentPost } from './comment-post.ts';
import { commentReply } from './comment-reply.ts';
import { heroImage } from './hero-image.ts';
import { imageAlt } from './image-alt.ts';
import { imageFiles } from './image-files.ts';
import { oldLabels } from './old-labels.ts';
import { internalLinks } from './internal-links.ts';
import { mdxComponents } from './mdx-components.ts';
import { otherFiles } from './other-files.ts';
import { pageImageAlt } from './page-image-alt.ts';
import { pageLinks } from './page-links.ts';
import { pinnedPosts } from './pinned-posts.ts';
import { placeholders } from './placeholders.ts';
import { postAuthor } from './post-author.ts';
import { postFields } from './post-fields.ts';
import { settingsFiles } from './settings-files.ts';
import { tagAddresses } from './tag-addresses.ts';
import type { ContentRule } from './types.ts';
import { uniqueFeedIds } from './unique-feed-ids.ts';
import { uniqueRedirects } from './unique-redirects.ts';
import { uniqueSlugs } from './unique-slugs.ts';
import { unmarkedLanguage } from './unmarked-language.ts';

/**
 * Every rule of the content check, in the order their problems are first met (a file's problems
 * are then shown together, by line). Consecutive post rules run on each post in turn, and so do
 * consecutive comment rules. To add a rule: a file beside these, a test in
 * tests/unit/content-rules/, and a line here.
 */
export const CONTENT_RULES: readonly ContentRule[] = [
  postFields,
  postAuthor,
  heroImage,
  placeholders,
  uniqueSlugs,
  uniqueFeedIds,
  tagAddresses,
  oldLabels,
  unmarkedLanguage,
  bodyAddresses,
  imageAlt,
  imageFiles,
  mdxComponents,
  internalLinks,
  uniqueRedirects,
  settingsFiles,
  pinnedPosts,
  commentPost,
  commentFields,
  commentLinks,
  commentReply,
  otherFiles,
  pageLinks,
  pageImageAlt,
];
