import { slug as githubSlug } from 'github-slugger';

/** A tag's label (as written, spaces tidied) and its URL slug, kept apart so pages show the label. */
export interface Tag {
  slug: string;
  label: string;
}

/** The URL slug of a tag or title: lowercase, hyphens for spaces, letters of any script kept. */
export function slugify(text: string): string {
  return githubSlug(text.normalize('NFC').trim()).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}

/** Tidies a tag label: trims and collapses inner whitespace. */
export function normalizeTagLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Tags from frontmatter: tidied, empty ones removed, and duplicates by slug ("Stress", "stress") merged. */
export function toTags(labels: readonly string[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const raw of labels) {
    const label = normalizeTagLabel(raw);
    const slug = slugify(label);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { slug, label });
  }
  return [...bySlug.values()];
}

/**
 * A post's id (its address): the `slug` field when the frontmatter sets one, else the file path,
 * where "my-post.md" and "my-post/index.mdx" are both "my-post".
 */
export function getPostId(entryPath: string, data: unknown): string {
  const slug = (data as { slug?: unknown } | null | undefined)?.slug;
  return typeof slug === 'string' ? slug : getPostIdFromPath(entryPath);
}

/** A post's id from its file path: "my-post.md" and "my-post/index.mdx" are both "my-post". */
export function getPostIdFromPath(entryPath: string): string {
  const withoutExtension = entryPath.replace(/\.(md|mdx)$/i, '');
  return withoutExtension.replace(/\/index$/i, '');
}

/** The label a tag is shown with when posts write it differently: the most used, then A–Z. */
export function pickTagLabel(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))[0]?.[0] ?? '';
}
