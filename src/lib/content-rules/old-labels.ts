import { getTagKey, normalizeTagLabel } from '../slugs.ts';
import type { ContentRule, Problem } from './types.ts';

/**
 * Each old label of a post (oldLabels, written by the Blogger importer) leads to one of the post's
 * own tags: its old address redirects to that tag's page, which must exist. A tag renamed in `tags`
 * but not in `oldLabels` is reported at the old label's line, with the tags to choose from.
 */
export const oldLabels: ContentRule = {
  name: 'old-labels',
  checks: 'every old label in oldLabels leads to one of the post’s tags',
  scope: 'post',
  check(post) {
    const data = post.fm.data as { tags?: unknown; oldLabels?: unknown } | null;
    const old = data?.oldLabels;
    if (!old || typeof old !== 'object' || Array.isArray(old)) return [];
    const tags = (Array.isArray(data?.tags) ? data.tags : []).filter((tag): tag is string => typeof tag === 'string');
    const keys = new Set(tags.map((tag) => getTagKey(normalizeTagLabel(tag))));
    const problems: Problem[] = [];
    for (const [label, tag] of Object.entries(old as Record<string, unknown>)) {
      // An empty tag is a label that was no tag (see oldLabelsField): its address leads to the post.
      if (typeof tag !== 'string' || !tag.trim() || keys.has(getTagKey(normalizeTagLabel(tag)))) continue;
      problems.push({
        file: post.file.path,
        line: post.fm.lineOf(['oldLabels', label]),
        field: 'oldLabels',
        message: `the old label ${JSON.stringify(label)} leads to the tag ${JSON.stringify(tag)}, which this post does not have (its tags: ${tags.map((t) => JSON.stringify(t)).join(', ') || 'none'}); write one of its tags there, or remove the line`,
        severity: 'error',
      });
    }
    return problems;
  },
};
