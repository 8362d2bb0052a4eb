/**
 * The schemas of the content collections, one file each in src/lib/schemas/ (post, review, author,
 * page, comment, video, stats) over the shared fields of schemas/fields.ts; this module hands them
 * on, so src/content.config.ts and the content check import them from one place.
 */
export * from './schemas/fields.ts';
export * from './schemas/review.ts';
export * from './schemas/post.ts';
export * from './schemas/author.ts';
export * from './schemas/page.ts';
export * from './schemas/comment.ts';
export * from './schemas/video.ts';
export * from './schemas/stats.ts';
