import { describe, expect, test } from 'vitest';
import { imageFiles } from '../../../src/lib/content-rules/image-files.ts';
import { post, run } from './helpers.ts';

describe('image-files', () => {
  test('a missing image file says where it was looked for (spaces decoded)', () => {
    const posts = [post('a/index.md', '', '![Oil bottles](./my%20photo.jpg)')];
    expect(run(imageFiles, { posts, fileExists: () => false })).toEqual([
      'content/posts/a/index.md:9: the image ./my%20photo.jpg does not exist (looked for content/posts/a/my photo.jpg); put it next to the post or fix the path',
    ]);
  });

  test('an <img> in the post’s HTML with a relative address is a file beside the post too', () => {
    const body =
      '<table><tr><td><img src="./p%C3%A9s.jpg" alt="Pés"></td><td><img src="./gone.jpg" alt="Pedras"></td></tr></table>\n\n<p><img src="/favicon.svg" alt="Logo"><img src="https://cdn.example.net/a.png" alt="A"></p>';
    const exists = (path: string) => path === 'content/posts/a/pés.jpg';
    expect(run(imageFiles, { posts: [post('a/index.md', '', body)], fileExists: exists })).toEqual([
      'content/posts/a/index.md:9: the image ./gone.jpg does not exist (looked for content/posts/a/gone.jpg); put it next to the post or fix the path',
    ]);
  });

  test('an image beside the post, or on another site, is fine', () => {
    const posts = [post('a/index.md', '', '![Oil](./oil.jpg) ![Logo](https://cdn.example.net/logo.png)')];
    expect(run(imageFiles, { posts, fileExists: (path) => path === 'content/posts/a/oil.jpg' })).toEqual([]);
  });
});
