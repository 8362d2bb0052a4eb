import { describe, expect, test } from 'vitest';
import { pageImageAlt } from '../../../src/lib/content-rules/page-image-alt.ts';
import { run } from './helpers.ts';

const page = (frontmatter: string, body: string) => ({
  path: 'content/pages/about.md',
  entry: 'about.md',
  text: `---\ntitle: About\ndescription: Who we are.\n${frontmatter}---\n\n${body}\n`,
});

describe('page-image-alt', () => {
  test('an image in a page without a description is refused at its line, in Markdown and in HTML', () => {
    expect(
      run(pageImageAlt, { pages: [page('', 'Our room:\n\n![](./about/room.jpg)\n\n<img src="./about/door.jpg">')] }),
    ).toEqual([
      'content/pages/about.md:8: the image ./about/room.jpg has no alt text; write a short description of it between the square brackets that come before its address',
      'content/pages/about.md:10: the image ./about/door.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
    ]);
  });

  test('an imported page marked altTextPending owes them as to-dos, and a described image is fine', () => {
    const problems = run(pageImageAlt, {
      pages: [page('altTextPending: true\n', '![](./about/room.jpg) ![A blue door](./about/door.jpg)')],
    });
    expect(problems).toHaveLength(1);
    expect(run(pageImageAlt, { pages: [page('', '![A blue door](./about/door.jpg)')] })).toEqual([]);
  });
});
