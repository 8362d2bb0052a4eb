import { describe, expect, test } from 'vitest';
import { getPostId, getPostIdFromPath, normalizeTagLabel, slugify, toTags } from '../../src/lib/slugs.ts';
import { getHomePath, getPostPath, getTagPath, normalizePath, toAbsoluteUrl } from '../../src/lib/urls.ts';

describe('slugify', () => {
  test('lowercases and hyphenates', () => {
    expect(slugify('Immune Health')).toBe('immune-health');
  });

  test('keeps letters of other scripts and drops punctuation', () => {
    expect(slugify('Massage à São Paulo!')).toBe('massage-à-são-paulo');
    expect(slugify('Shepherd’s Bush')).toBe('shepherds-bush');
  });

  test('never leaves leading, trailing or doubled hyphens', () => {
    expect(slugify('  -- Deep  tissue -- ')).toBe('deep-tissue');
  });
});

describe('toTags', () => {
  test('merges tags that differ only in case or spacing, keeping the first label', () => {
    expect(toTags(['Reflexology', 'reflexology', ' stress ', 'Stress'])).toEqual([
      { slug: 'reflexology', label: 'Reflexology' },
      { slug: 'stress', label: 'stress' },
    ]);
  });

  test('drops tags with nothing sluggable in them', () => {
    expect(toTags(['!!!', 'sleep'])).toEqual([{ slug: 'sleep', label: 'sleep' }]);
  });

  test('normalizeTagLabel collapses inner whitespace', () => {
    expect(normalizeTagLabel('mobile \n  massage')).toBe('mobile massage');
  });
});

describe('getPostId', () => {
  test('is the slug field when the frontmatter sets one, else the file path', () => {
    expect(getPostId('old-name/index.md', { slug: 'new-name' })).toBe('new-name');
    expect(getPostId('old-name/index.md', { title: 'x' })).toBe('old-name');
    expect(getPostId('old-name.mdx', undefined)).toBe('old-name');
  });
});

describe('getPostIdFromPath', () => {
  test('a file and a folder with index give the same id', () => {
    expect(getPostIdFromPath('my-post.md')).toBe('my-post');
    expect(getPostIdFromPath('my-post/index.mdx')).toBe('my-post');
  });
});

describe('URL helpers', () => {
  test('build the site paths', () => {
    expect(getPostPath('a-post')).toBe('/posts/a-post/');
    expect(getTagPath('stress')).toBe('/tags/stress/');
    expect(getTagPath('stress', 2)).toBe('/tags/stress/2/');
    expect(getHomePath()).toBe('/');
    expect(getHomePath(3)).toBe('/page/3/');
  });

  test('toAbsoluteUrl resolves against the site', () => {
    expect(toAbsoluteUrl('/posts/a/', 'https://blog.example')).toBe('https://blog.example/posts/a/');
  });

  test('normalizePath strips origin, query and fragment and adds the trailing slash', () => {
    expect(normalizePath('https://old.example/posts/a?utm=x#top')).toBe('/posts/a/');
    expect(normalizePath('posts/a')).toBe('/posts/a/');
    expect(normalizePath('/2023/05/my-post.html')).toBe('/2023/05/my-post.html');
    expect(normalizePath('/tags/s%C3%A3o/')).toBe('/tags/são/');
  });
});
