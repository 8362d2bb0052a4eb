import type { ContentInput } from '../../src/lib/content-check.ts';

/** A content tree with nothing in it but the editorial author, for checkContent tests to fill in. */
export function contentInput(overrides: Partial<ContentInput> = {}): ContentInput {
  return {
    posts: [],
    comments: [],
    authorIds: ['editorial'],
    pageIds: [],
    pinned: [],
    timeZone: 'Europe/London',
    language: 'en-GB',
    fileExists: () => true,
    staticPaths: new Set(),
    ...overrides,
  };
}
