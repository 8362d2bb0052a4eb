import type { ContentRule } from './types.ts';

/** An old address may lead to one post only. */
export const uniqueRedirects: ContentRule = {
  name: 'unique-redirects',
  checks: 'an old address in redirectFrom is claimed by one post only',
  scope: 'site',
  check({ posts }) {
    const owners = new Map<string, string[]>();
    for (const post of posts) {
      const from = (post.fm.data as { redirectFrom?: unknown } | null)?.redirectFrom;
      for (const path of Array.isArray(from) ? from : []) {
        if (typeof path === 'string') owners.set(path, [...(owners.get(path) ?? []), post.file.path]);
      }
    }
    return [...owners]
      .filter(([, files]) => files.length > 1)
      .map(([path, files]) => ({
        file: files[1]!,
        field: 'redirectFrom',
        message: `the old address ${path} is claimed by ${files.join(' and ')}; keep it in one of them`,
        severity: 'error' as const,
      }));
  },
};
