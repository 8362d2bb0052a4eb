import { describe, expect, test } from 'vitest';
import { imageAlt } from '../../../src/lib/content-rules/image-alt.ts';
import { post, run } from './helpers.ts';

describe('image-alt', () => {
  test('an image without a description is an error at its line', () => {
    expect(run(imageAlt, { posts: [post('a/index.md', '', 'Text.\n\n![](./photo.jpg)')] })).toEqual([
      'content/posts/a/index.md:11: the image ./photo.jpg has no alt text; write a short description of it between the square brackets that come before its address',
    ]);
  });

  test('a TODO description is named as a placeholder', () => {
    expect(run(imageAlt, { posts: [post('a/index.md', '', '![TODO describe](./p.jpg)')] })).toEqual([
      'content/posts/a/index.md:9: the image ./p.jpg still has the placeholder description "TODO describe"; write what the image shows instead',
    ]);
  });

  test('an image with a description is fine', () => {
    expect(run(imageAlt, { posts: [post('a/index.md', '', '![Hands on a shoulder](./p.jpg)')] })).toEqual([]);
  });
});
