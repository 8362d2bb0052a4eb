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

  test('an <img> in the post’s HTML needs one too: none, empty or TODO is named at its line', () => {
    const body =
      'Texto.\n\n<table><tr><td><img src="./камни.jpg" alt=""></td><td><img src="./pés.jpg" alt="TODO: describe this image"></td></tr>\n<tr><td><img src="https://1.bp.blogspot.com/-a/s320/x.jpg"></td><td><img src="./pedras.jpg" alt="Pedras quentes na toalha"></td></tr></table>';
    expect(run(imageAlt, { posts: [post('a/index.md', '', body)] })).toEqual([
      'content/posts/a/index.md:11: the image ./камни.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
      'content/posts/a/index.md:11: the image ./pés.jpg (an <img> in HTML) still has the placeholder description "TODO: describe this image"; write what the image shows in its alt="..."',
      'content/posts/a/index.md:12: the image https://1.bp.blogspot.com/-a/s320/x.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
    ]);
  });

  test('an image with a description is fine', () => {
    expect(run(imageAlt, { posts: [post('a/index.md', '', '![Hands on a shoulder](./p.jpg)')] })).toEqual([]);
  });
});
