import type { ContentRule, Problem } from './types.ts';

/** Every image in a post's body has a description (alt text), and not the TODO an import left. */
export const imageAlt: ContentRule = {
  name: 'image-alt',
  checks: 'every image in a post has alt text, and a published post has no TODO placeholder for it',
  scope: 'post',
  check(post) {
    // An imported post may owe descriptions for a while (see altTextPending in schemas.ts).
    const pending = (post.fm.data as { altTextPending?: unknown } | null)?.altTextPending === true;
    const severity: Problem['severity'] = pending ? 'todo' : 'error';
    const problems: Problem[] = [];
    for (const { node, line } of post.links().links) {
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
    return problems;
  },
};
