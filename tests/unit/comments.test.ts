import { describe, expect, test } from 'vitest';
import { getLeaveCommentUrl, renderCommentMarkdown, threadComments } from '../../src/lib/comments.ts';

describe('renderCommentMarkdown', () => {
  test('renders safe Markdown: emphasis, lists, code and quotes', () => {
    const html = renderCommentMarkdown('I *loved* it.\n\n- one\n- two\n\n> quoted\n\n`code`');
    expect(html).toContain('<em>loved</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>code</code>');
  });

  test('never renders raw HTML: it is shown as the literal text the reader typed', () => {
    const html = renderCommentMarkdown(
      'Hi <script>alert(1)</script> <b onclick="x()">bold</b>\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(html).not.toMatch(/<script|<b[ >]|<iframe/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('&#x3C;iframe src="https://evil.test">');
  });

  test('drops javascript: and data: URLs but keeps the link text', () => {
    const html = renderCommentMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,AAAA) [d](vbscript:msgbox)',
    );
    expect(html).not.toMatch(/javascript:|data:|vbscript:|<a/i);
    expect(html).toBe('<p>a b c d</p>');
  });

  test('C2: a link to an address that is not usable is shown as its text and the address as written', () => {
    expect(renderCommentMarkdown('I wrote about it on [my site](http://) too.')).toBe(
      '<p>I wrote about it on my site (http://) too.</p>',
    );
  });

  test.each([
    ['[booking](<https://exa mple.com>)', '<p>booking (https://exa mple.com)</p>'],
    ['[chair](http://calm%20hands%20chair%20massage/)', '<p>chair (http://calm%20hands%20chair%20massage/)</p>'],
    ['[blog](htp://ann.example)', '<p>blog (htp://ann.example)</p>'],
    ['[blog](https//ann.example)', '<p>blog (https//ann.example)</p>'],
    ['[blog](www.ann.example.com)', '<p>blog (www.ann.example.com)</p>'],
    ['[**my** blog](http://)', '<p><strong>my</strong> blog (http://)</p>'],
    ['[](http://)', '<p>(http://)</p>'],
    ['<http://>', '<p>http://</p>'],
    ['[mail me](mailto:)', '<p>mail me (mailto:)</p>'],
    ['[local](http://localhost:3000/)', '<p>local (http://localhost:3000/)</p>'],
    ['[file](file:///C:/x.html)', '<p>file (file:///C:/x.html)</p>'],
    ['[see][1]\n\n[1]: http://calm/', '<p>see (http://calm/)</p>'],
    ['[a](vbscript:msgbox)', '<p>a</p>'],
  ])('%j renders as text: %s', (markdown, html) => {
    expect(renderCommentMarkdown(markdown)).toBe(html);
  });

  test('usable links stay links: IDN hosts, other scripts in the path, mailto', () => {
    const html = renderCommentMarkdown(
      '[書店](https://bücher.example/) [按摩](https://zh.wikipedia.org/wiki/按摩) [mail](mailto:ann@example.com)',
    );
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html).toContain('href="https://b%C3%BCcher.example/"');
  });

  test('marks every remaining link nofollow ugc noopener', () => {
    const html = renderCommentMarkdown(
      'See [this](https://example.org/x) or https://example.org/y or [mail](mailto:a@b.test)',
    );
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    expect(anchors.length).toBe(2);
    for (const anchor of anchors) expect(anchor).toContain('rel="nofollow ugc noopener"');
  });

  test('turns images into their alt text, so a comment loads nothing from elsewhere', () => {
    const html = renderCommentMarkdown('Look ![a pixel](https://tracker.test/p.png)');
    expect(html).toBe('<p>Look a pixel</p>');
  });

  test('turns headings into paragraphs', () => {
    expect(renderCommentMarkdown('# Shouting')).toBe('<p>Shouting</p>');
  });

  test('escapes quotes and ampersands in text', () => {
    expect(renderCommentMarkdown('Tom & "Jerry" <3')).toBe('<p>Tom &#x26; "Jerry" &#x3C;3</p>');
  });
});

describe('threadComments', () => {
  const at = (hour: number) => new Date(Date.UTC(2025, 0, 1, hour));

  test('nests replies one level under their top-level comment, oldest first', () => {
    const threads = threadComments([
      { id: 'c', date: at(3), replyTo: 'b' },
      { id: 'a', date: at(1) },
      { id: 'b', date: at(2), replyTo: 'a' },
      { id: 'd', date: at(0) },
    ]);
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      ['d', []],
      ['a', ['b', 'c']],
    ]);
  });

  test('names the comment whose replyTo points nowhere', () => {
    expect(() => threadComments([{ id: 'x', date: at(1), replyTo: 'ghost' }])).toThrow(
      'comment "x": replyTo: "ghost" is not a comment on this post; use the file name (without .md) of a comment in content/comments/<post-slug>/',
    );
  });

  test('refuses a reply loop instead of hanging', () => {
    expect(() =>
      threadComments([
        { id: 'a', date: at(1), replyTo: 'b' },
        { id: 'b', date: at(2), replyTo: 'a' },
      ]),
    ).toThrow(/reply loop/);
  });
});

describe('getLeaveCommentUrl', () => {
  const post = { title: 'Sleep & massage', url: 'https://blog.example/posts/sleep/' };

  test('mailto puts the post title in the subject', () => {
    const url = getLeaveCommentUrl({ mode: 'mailto', address: 'c@blog.example' }, post);
    expect(url.startsWith('mailto:c@blog.example?subject=Comment%20on%3A%20Sleep%20%26%20massage&body=')).toBe(true);
  });

  test('a form URL gets the title and URL filled in', () => {
    expect(getLeaveCommentUrl({ mode: 'form', url: 'https://forms.example/c?t={title}&u={url}' }, post)).toBe(
      'https://forms.example/c?t=Sleep%20%26%20massage&u=https%3A%2F%2Fblog.example%2Fposts%2Fsleep%2F',
    );
  });
});
