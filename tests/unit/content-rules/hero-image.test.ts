import { describe, expect, test } from 'vitest';
import { heroImage } from '../../../src/lib/content-rules/hero-image.ts';
import { post, run } from './helpers.ts';

const HERO = 'hero:\n  image: ./hero.jpg\n  alt: A calm room with a massage table.';

describe('hero-image', () => {
  test('a hero image beside the post is accepted', () => {
    const exists = (path: string) => path === 'content/posts/a/hero.jpg';
    expect(run(heroImage, { posts: [post('a/index.md', HERO)], fileExists: exists })).toEqual([]);
  });

  test('a missing hero image says where it was looked for', () => {
    expect(run(heroImage, { posts: [post('a/index.md', HERO)], fileExists: () => false })).toEqual([
      'content/posts/a/index.md:8: hero.image: ./hero.jpg does not exist (looked for content/posts/a/hero.jpg); put the image next to the post or fix the path',
    ]);
  });

  test('an unusable address is refused before looking for a file', () => {
    const lines = run(heroImage, { posts: [post('a/index.md', HERO.replace('./hero.jpg', 'htp://x/hero.jpg'))] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/a\/index\.md:8: hero\.image: /);
  });
});
