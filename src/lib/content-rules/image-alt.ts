import type { ContentRule, Problem } from './types.ts';

/**
 * Every image in a post's body has a description (alt text), and not the TODO an import left:
 * Markdown images, and `<img>` tags in its raw HTML (an imported Blogger table), which the site
 * optimises the same way (see markdown-html-images.ts).
 */
export const imageAlt: ContentRule = {
  name: 'image-alt',
  checks:
    'every image in a post (Markdown or <img> in HTML) has alt text, and a published post has no TODO placeholder for it',
  scope: 'post',
  check(post) {
    // An imported post may owe descriptions for a while (see altTextPending in schemas.ts).
    const pending = (post.fm.data as { altTextPending?: unknown } | null)?.altTextPending === true;
    const severity: Problem['severity'] = pending ? 'todo' : 'error';
    const problems: Problem[] = [];
    const { links, htmlImages } = post.links();
    for (const { node, line } of links) {
      if (node.type !== 'image') continue;
      if (!post.draft && /^TODO\b/i.test(node.alt ?? '')) {
        problems.push({
          file: post.file.path,
          line,
          message: `the image ${node.url} still has the placeholder description "${node.alt}"; write what the image shows instead`,
          severity,
        });
      }
      if (!node.alt?.trim()) {
        problems.push({
          file: post.file.path,
          line,
          message: `the image ${node.url} has no alt text; write a short description of it between the square brackets that come before its address`,
          severity,
        });
      }
    }
    for (const { src, alt, line } of htmlImages) {
      const written = alt?.trim() ?? '';
      if (!post.draft && /^TODO\b/i.test(written)) {
        problems.push({
          file: post.file.path,
          line,
          message: `the image ${src} (an <img> in HTML) still has the placeholder description "${written}"; write what the image shows in its alt="..."`,
          severity,
        });
      } else if (!written) {
        problems.push({
          file: post.file.path,
          line,
          message: `the image ${src} (an <img> in HTML) has no alt text; write a short description of it in its alt="..."`,
          severity,
        });
      }
    }
    return problems;
  },
};
