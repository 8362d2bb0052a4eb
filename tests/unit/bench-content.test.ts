import { describe, expect, test } from 'vitest';
import { generatePosts } from '../../tools/bench/bench-content.ts';
import { checkContent, formatProblem } from '../../src/lib/content-check.ts';
import { contentInput } from './content-input.ts';

describe('the benchmark’s generated posts', () => {
  const generated = generatePosts(40);
  const posts = generated.files.filter((file) => file.path.startsWith('posts/'));

  test('are the same on every run (seeded)', () => {
    expect(generatePosts(40)).toEqual(generated);
    expect(generatePosts(40, 7)).not.toEqual(generated);
  });

  test('are about 800 words, with tags, heroes on some and comments on some', () => {
    expect(posts).toHaveLength(40);
    const words = posts[1]!.text.split('---')[2]!.split(/\s+/).length;
    expect(words).toBeGreaterThan(600);
    expect(words).toBeLessThan(1100);
    expect(generated.heroFolders).toHaveLength(8);
    expect(generated.files.some((file) => file.path.startsWith('comments/'))).toBe(true);
  });

  test('show the hero again further down the text, so a page has an image below the fold', () => {
    const withHero = posts.filter((file) => generated.heroFolders.includes(file.path.replace(/\/index\.md$/, '')));
    expect(withHero).toHaveLength(8);
    for (const file of withHero) expect(file.text.split('---')[2]).toMatch(/\n!\[[^\]]+\]\(\.\/hero\.jpg\)\n/);
    expect(posts.filter((file) => file.text.includes('](./hero.jpg)'))).toHaveLength(8);
  });

  test('pass every content check, so the benchmark builds a real site', () => {
    const problems = checkContent(
      contentInput({
        posts: posts.map((file) => ({
          path: `content/${file.path}`,
          entry: file.path.slice('posts/'.length),
          text: file.text,
        })),
        comments: generated.files
          .filter((file) => file.path.startsWith('comments/'))
          .map((file) => ({
            path: `content/${file.path}`,
            entry: file.path.slice('comments/'.length),
            text: file.text,
          })),
      }),
    );
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});
