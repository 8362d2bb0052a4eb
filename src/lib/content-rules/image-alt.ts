import type { Image, Link } from 'mdast';
import type { ContentRule, HtmlImage, Problem } from './types.ts';

/**
 * Every image in a post's body has a description (alt text), and not the TODO an import left:
 * Markdown images, and `<img>` tags in its raw HTML (an imported Blogger table), which the site
 * optimises the same way (see markdown-html-images.ts).
 */
/**
 * The images of one body without a description, or with the TODO an import left (unless a draft):
 * errors, or to-dos while the file is marked `altTextPending` (an import still owes them).
 */
export function findAltProblems(
  file: string,
  { links, htmlImages }: { links: readonly { node: Link | Image; line: number }[]; htmlImages: readonly HtmlImage[] },
  { pending, draft }: { pending: boolean; draft: boolean },
): Problem[] {
  const severity: Problem['severity'] = pending ? 'todo' : 'error';
  const problems: Problem[] = [];
  for (const { node, line } of links) {
    if (node.type !== 'image') continue;
    if (!draft && /^TODO\b/i.test(node.alt ?? '')) {
      problems.push({
        file,
        line,
        message: `the image ${node.url} still has the placeholder description "${node.alt}"; write what the image shows instead`,
        severity,
      });
    }
    if (!node.alt?.trim()) {
      problems.push({
        file,
        line,
        message: `the image ${node.url} has no alt text; write a short description of it between the square brackets that come before its address`,
        severity,
      });
    }
  }
  for (const { src, alt, line, poster } of htmlImages) {
    const written = alt?.trim() ?? '';
    // A player's poster says nothing the player's text does not: alt="" is its right description.
    if (poster && alt !== undefined && !written) continue;
    if (!draft && /^TODO\b/i.test(written)) {
      problems.push({
        file,
        line,
        message: `the image ${src} (an <img> in HTML) still has the placeholder description "${written}"; write what the image shows in its alt="..."`,
        severity,
      });
    } else if (!written) {
      problems.push({
        file,
        line,
        message: `the image ${src} (an <img> in HTML) has no alt text; write a short description of it in its alt="..."`,
        severity,
      });
    }
  }
  return problems;
}

export const imageAlt: ContentRule = {
  name: 'image-alt',
  checks:
    'every image in a post (Markdown or <img> in HTML) has alt text, and a published post has no TODO placeholder for it',
  scope: 'post',
  check(post) {
    // An imported post may owe descriptions for a while (see altTextPending in schemas.ts).
    const pending = (post.fm.data as { altTextPending?: unknown } | null)?.altTextPending === true;
    return findAltProblems(post.file.path, post.links(), { pending, draft: post.draft });
  },
};
