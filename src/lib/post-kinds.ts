/** The kinds of post (the `kind` field of a post's frontmatter). */
export type PostKind = 'article' | 'review';

/**
 * How each kind of post is named: its label (the search filter, the social card's kicker) and the
 * same with its article, for a sentence ("an article on ..."). The one map of kind names.
 */
export const POST_KINDS: Readonly<Record<PostKind, { label: string; inSentence: string }>> = {
  article: { label: 'Article', inSentence: 'an article' },
  review: { label: 'Review', inSentence: 'a review' },
};
