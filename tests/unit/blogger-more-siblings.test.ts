/**
 * More siblings of the Blogger cases that still failed; each group names the case it is a sibling of.
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

describe('B7 sibling: a link with an address and nothing to show', () => {
  test('an empty link, one of spaces and one holding an empty <b> are removed, keeping their spaces, and listed', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Book<a href="https://example.com/"></a> now<a href="https://example.com/b">  </a>or <a href="https://example.com/c"><b></b></a>later.</p>',
    );
    expect(markdown).toBe('Book now or later.\n');
    expect(notes.map((note) => note.message)).toEqual([
      'the link to https://example.com/ has no text or picture, so readers could not see it; it is removed',
      'the link to https://example.com/b has no text or picture, so readers could not see it; it is removed',
      'the link to https://example.com/c has no text or picture, so readers could not see it; it is removed',
    ]);
  });

  test('a link whose only picture had no address goes with it', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Shop: <a href="https://example.com/shop"><img src=""></a> today</p>',
    );
    expect(markdown).toBe('Shop: today\n');
    expect(notes.map((note) => note.message)).toContain(
      'the link to https://example.com/shop has no text or picture, so readers could not see it; it is removed',
    );
  });

  test('a named one stays a place links land on', () => {
    const { markdown } = htmlToMarkdown(
      '<p><a href="https://example.com/" name="prices"></a>Prices <a href="#prices">here</a></p>',
    );
    expect(markdown).toBe('<span id="prices"></span>Prices [here](#prices)\n');
  });

  test('links with text or a picture are kept', () => {
    const html =
      '<p><a href="https://example.com/"><img src="https://example.com/a.jpg" alt="A couch"></a> <a href="https://example.com/b"><b>bold</b></a></p>';
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toBe(
      '[![A couch](https://example.com/a.jpg)](https://example.com/) [**bold**](https://example.com/b)\n',
    );
    expect(notes).toEqual([]);
  });
});

describe('B7 sibling: a link of only spaces in an entry read against its old address', () => {
  test('is a link with no address, not a link to the entry itself', () => {
    const address = 'https://calm.blogspot.com/2020/01/a-post.html';
    const { markdown, notes } = htmlToMarkdown('<p>Text <a href="  ">here</a> on.</p>', { address });
    expect(markdown).toBe('Text here on.\n');
    expect(notes).toEqual([
      { kind: 'link', message: 'the link on "here" has no address (href="  "); its text is kept without the link' },
    ]);
  });
});

describe('B4 and B5 siblings: the players of known providers in their other forms', () => {
  const frameOf = (html: string) => {
    const { markdown, notes } = htmlToMarkdown(html, { title: 'Sounds' });
    expect(notes).toEqual([]);
    return /<iframe src="([^"]*)" title="([^"]*)"/.exec(markdown)?.slice(1);
  };
  const playerOf = (html: string) => {
    const { markdown, notes } = htmlToMarkdown(html, { title: 'Sounds' });
    expect(notes).toEqual([]);
    return /data-video-embed="([^"]*)"/.exec(markdown)?.[1];
  };

  test("SoundCloud's Flash player is its widget, for the same track, not removed", () => {
    const swf =
      'http://player.soundcloud.com/player.swf?url=http%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F999&amp;show_comments=true';
    expect(
      frameOf(
        `<object height="81" width="100%"><param name="movie" value="${swf}"></param><embed src="${swf}" type="application/x-shockwave-flash" width="100%" height="81"></embed></object>`,
      ),
    ).toEqual([
      'https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F999',
      'SoundCloud audio player',
    ]);
  });

  test("Spotify's old Play Button and a page of open.spotify.com are Spotify's player", () => {
    expect(
      frameOf('<iframe src="https://embed.spotify.com/?uri=spotify:track:4uLU6hMCjMI75M1A2tKUQC"></iframe>'),
    ).toEqual(['https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC', 'Spotify player']);
    expect(
      frameOf(
        '<iframe src="https://embed.spotify.com/?uri=spotify%3Auser%3Aanna%3Aplaylist%3A37i9dQZF1DX4s"></iframe>',
      )?.[0],
    ).toBe('https://open.spotify.com/embed/playlist/37i9dQZF1DX4s');
    expect(frameOf('<iframe src="https://open.spotify.com/intl-de/album/1DFixLWuPkv3KT3TnV35m3"></iframe>')?.[0]).toBe(
      'https://open.spotify.com/embed/album/1DFixLWuPkv3KT3TnV35m3',
    );
  });

  test("Dailymotion's current player, its short address and a video's page are its frame", () => {
    for (const src of [
      'https://geo.dailymotion.com/player.html?video=x8abc12',
      'https://geo.dailymotion.com/player/xtv3w.html?video=x8abc12',
      'http://dai.ly/x8abc12',
      'https://www.dailymotion.com/video/x8abc12',
    ]) {
      expect(frameOf(`<iframe src="${src}"></iframe>`), src).toEqual([
        'https://www.dailymotion.com/embed/video/x8abc12',
        'Dailymotion video',
      ]);
    }
  });

  test("a YouTube Short, a live stream and the old playlist player are the site's YouTube player", () => {
    expect(playerOf('<iframe src="https://www.youtube.com/shorts/abcdefghijk"></iframe>')).toBe(
      'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1',
    );
    expect(playerOf('<iframe src="https://youtube.com/live/abcdefghijk?si=x"></iframe>')).toBe(
      'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1',
    );
    expect(playerOf('<iframe src="http://www.youtube.com/embed?listType=playlist&amp;list=PL999"></iframe>')).toBe(
      'https://www.youtube-nocookie.com/embed/videoseries?list=PL999&#x26;autoplay=1',
    );
  });
});

describe('B7 sibling: a link with an empty address that is also a place to land', () => {
  test('its text stays in a <span id> and the lost link is listed, as for any link with no address', () => {
    const { markdown, notes } = htmlToMarkdown('<p><a id="x" href="">Prices</a> and <a href="#x">back</a></p>');
    expect(markdown).toBe('<span id="x">Prices</span> and [back](#x)\n');
    expect(notes.map((note) => note.message)).toEqual([
      'the link on "Prices" has no address (href=""); its text is kept without the link',
    ]);
  });

  test('an empty named anchor with href="" is only a place to land: kept, not listed', () => {
    const { markdown, notes } = htmlToMarkdown('<p><a name="top" href=""></a>Start <a href="#top">up</a></p>');
    expect(markdown).toBe('<span id="top"></span>Start [up](#top)\n');
    expect(notes).toEqual([]);
  });
});

describe('B5 sibling: a Vimeo video starting later, or its page in a frame', () => {
  const facade = (html: string) => {
    const markdown = htmlToMarkdown(html).markdown;
    return [
      /href="([^"]+)"/.exec(markdown)?.[1],
      /data-video-embed="([^"]+)"/.exec(markdown)?.[1]?.replaceAll('&#x26;', '&'),
    ];
  };

  test("a start time in the player's address (#t=1m2s, #t=62) is kept, on the page link and in the player", () => {
    for (const src of [
      'https://player.vimeo.com/video/123?autoplay=1#t=1m2s',
      'http://player.vimeo.com/video/123#t=62',
    ]) {
      expect(facade(`<iframe src="${src}"></iframe>`), src).toEqual([
        'https://vimeo.com/123#t=62s',
        'https://player.vimeo.com/video/123?autoplay=1&dnt=1#t=62s',
      ]);
    }
    expect(facade('<iframe src="https://player.vimeo.com/video/123?h=abc123#t=2m"></iframe>')).toEqual([
      'https://vimeo.com/123/abc123#t=120s',
      'https://player.vimeo.com/video/123?h=abc123&autoplay=1&dnt=1#t=120s',
    ]);
  });

  test("a video's page in a frame (vimeo.com/ID, vimeo.com/ID/HASH) plays in the site's player", () => {
    expect(facade('<iframe src="https://vimeo.com/123#t=10s"></iframe>')).toEqual([
      'https://vimeo.com/123#t=10s',
      'https://player.vimeo.com/video/123?autoplay=1&dnt=1#t=10s',
    ]);
    expect(facade('<iframe src="https://www.vimeo.com/456/9f8e7d"></iframe>')).toEqual([
      'https://vimeo.com/456/9f8e7d',
      'https://player.vimeo.com/video/456?h=9f8e7d&autoplay=1&dnt=1',
    ]);
  });
});

describe("B5 sibling: a known provider's host with an address its players do not take", () => {
  test("YouTube's retired user-uploads player becomes a link, and the note does not ask to allow a host already allowed", () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p><iframe src="http://www.youtube.com/embed?listType=user_uploads&amp;list=someuser"></iframe></p>',
    );
    expect(markdown).toContain('(https://www.youtube.com/embed?listType=user_uploads\\&list=someuser)');
    expect(notes.map((note) => note.message)).toEqual([
      "embedded https://www.youtube.com/embed?listType=user_uploads&list=someuser, an address YouTube's players do not take (a retired kind of player, or not a player at all): it is a link to that address now; open it to find what it showed, and embed that with YouTube's own embed code",
    ]);
  });

  test('a host no provider owns still gets the frame-src advice', () => {
    const { notes } = htmlToMarkdown('<p><iframe src="https://widgets.example.net/w/1"></iframe></p>');
    expect(notes.map((note) => note.message)).toEqual([
      "embedded https://widgets.example.net (https://widgets.example.net/w/1), which is not a known provider: it is a link to that address now, since the site's Content-Security-Policy would block the frame; to show it in place, allow https://widgets.example.net in frame-src and put the frame back",
    ]);
  });
});

describe('B3 sibling: a sized picture that links to a page, not to its full-size file', () => {
  test("in Blogger's separator <div>, the link to the page stays around the picture", () => {
    const { markdown } = htmlToMarkdown(
      '<div class="separator" style="clear: both; text-align: center;"><a href="https://shop.example.com/stones" imageanchor="1" style="margin-left: 1em;"><img border="0" src="https://example.com/stones.jpg" width="640" height="480" alt="Hot stones"></a></div>',
    );
    expect(markdown).toBe(
      '<a href="https://shop.example.com/stones"><img src="https://example.com/stones.jpg" width="640" height="480" alt="Hot stones"></a>\n',
    );
  });

  test('a link to the full-size file is still folded into the picture', () => {
    const { markdown } = htmlToMarkdown(
      '<div class="separator"><a href="https://example.com/stones-large.jpg"><img src="https://example.com/stones.jpg" width="640" height="480" alt="Hot stones"></a></div>',
    );
    expect(markdown).toBe('<img src="https://example.com/stones.jpg" width="640" height="480" alt="Hot stones">\n');
  });
});

describe('B6 sibling: a social embed its script drew from an address in the markup', () => {
  test("TikTok's blockquote keeps its author and caption and gains a link to the video", () => {
    const { markdown, notes } = htmlToMarkdown(
      '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@calm/video/6718335390845095173" data-video-id="6718335390845095173"><section><a href="https://www.tiktok.com/@calm">@calm</a><p>Neck stretch</p></section></blockquote><script async src="https://www.tiktok.com/embed.js"></script>',
    );
    expect(markdown).toBe(
      '> [@calm](https://www.tiktok.com/@calm)\n>\n> Neck stretch\n>\n> [The video on TikTok](https://www.tiktok.com/@calm/video/6718335390845095173)\n',
    );
    expect(notes.map((note) => note.kind)).toEqual(['embed', 'script']);
    expect(notes[0]!.message).toContain('a link to the video on TikTok follows it now');
  });

  test("Facebook's empty fb-post is a link to the post; one that already links there is left as it is", () => {
    expect(
      htmlToMarkdown(
        '<div id="fb-root"></div><div class="fb-post" data-href="https://www.facebook.com/calm/posts/123" data-width="500"></div>',
      ).markdown,
    ).toBe('[The post on Facebook](https://www.facebook.com/calm/posts/123)\n');
    const linked = htmlToMarkdown(
      '<div class="fb-video" data-href="https://www.facebook.com/calm/videos/456/"><blockquote cite="https://www.facebook.com/calm/videos/456/" class="fb-xfbml-parse-ignore"><a href="https://www.facebook.com/calm/videos/456/">Stretch</a></blockquote></div>',
    );
    expect(linked).toEqual({
      ...linked,
      markdown: '> [Stretch](https://www.facebook.com/calm/videos/456/)\n',
      notes: [],
    });
  });

  test("Pinterest's empty pin link is named, not removed", () => {
    const { markdown } = htmlToMarkdown(
      '<a data-pin-do="embedPin" href="https://www.pinterest.com/pin/99360735500167749/"></a><script async defer src="//assets.pinterest.com/js/pinit.js"></script>',
    );
    expect(markdown).toBe('[The pin on Pinterest](https://www.pinterest.com/pin/99360735500167749/)\n');
  });
});

describe('B6 sibling: forms, which the site sends nowhere but its own inbox', () => {
  test("PayPal's Buy Now button is a link with its hidden fields, showing its picture, and is listed", () => {
    const { markdown, notes } = htmlToMarkdown(
      '<form action="https://www.paypal.com/cgi-bin/webscr" method="post" target="_top"><input type="hidden" name="cmd" value="_s-xclick"><input type="hidden" name="hosted_button_id" value="ABC123"><input type="image" src="https://www.paypalobjects.com/en_GB/i/btn/btn_buynow_LG.gif" name="submit" alt="Buy a gift voucher"></form>',
    );
    expect(markdown).toBe(
      '[![Buy a gift voucher](https://www.paypalobjects.com/en_GB/i/btn/btn_buynow_LG.gif)](https://www.paypal.com/cgi-bin/webscr?cmd=_s-xclick\\&hosted_button_id=ABC123)\n',
    );
    expect(notes.map((note) => note.message)).toEqual([
      'a form that only sent its hidden fields (to https://www.paypal.com) is a link with them in its address now (https://www.paypal.com/cgi-bin/webscr?cmd=_s-xclick&hosted_button_id=ABC123), since the site sends no form to another site; the form sent them by POST, so check that the link still leads where the button did',
    ]);
  });

  test('a sign-up form to fill in is removed and listed, not left as loose words', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>News:</p><form action="https://feedburner.google.com/fb/a/mailverify" method="post"><p>Enter your email address:</p><p><input type="text" name="email"></p><input type="hidden" value="calm" name="uri"><input type="submit" value="Subscribe"></form><p>Thanks.</p>',
    );
    expect(markdown).toBe('News:\n\nThanks.\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain(
      'a form for readers to fill in (sent to https://feedburner.google.com/fb/a/mailverify) was removed',
    );
  });
});

describe('B9 sibling: what a Markdown table or list cannot hold stays HTML', () => {
  test('a table with a caption keeps it (a Markdown table has none)', () => {
    expect(
      htmlToMarkdown(
        '<table><caption>Prices</caption><tr><th>Item</th><th>£</th></tr><tr><td>Neck</td><td>30</td></tr></table>',
      ).markdown,
    ).toBe(
      '<table><caption>Prices</caption><tbody><tr><th>Item</th><th>£</th></tr><tr><td>Neck</td><td>30</td></tr></tbody></table>\n',
    );
  });

  test('a list lettered, in Roman numerals or counting down keeps its numbering; a plain one is Markdown', () => {
    const { markdown } = htmlToMarkdown(
      '<ol type="a"><li>first</li><li>second</li></ol><ol type="I"><li>one</li></ol><ol reversed><li>b</li><li>a</li></ol><ol start="3"><li>three</li></ol>',
    );
    expect(markdown).toBe(
      '<ol type="a"><li>first</li><li>second</li></ol>\n\n<ol type="I"><li>one</li></ol>\n\n<ol reversed><li>b</li><li>a</li></ol>\n\n3. three\n',
    );
  });

  test('a formula and a drawing are kept, not lost or left as loose text', () => {
    expect(htmlToMarkdown('<p>So <math><mi>x</mi><mo>=</mo><mn>2</mn></math> here.</p>').markdown).toBe(
      'So <math><mi>x</mi><mo>=</mo><mn>2</mn></math> here.\n',
    );
    expect(htmlToMarkdown('<p>Dot: <svg width="10" height="10"><circle r="5"></circle></svg></p>').markdown).toBe(
      'Dot: <svg width="10" height="10"><circle r="5"></circle></svg>\n',
    );
  });
});

describe('B1 sibling: a web address written without its scheme, in an entry with an old address', () => {
  const address = 'https://calm.blogspot.com/2020/01/a-post.html';

  test('www.example.com/page and a misspelt "https;//" are reported with the address meant, not read as pages of the old blog', () => {
    for (const [href, meant] of [
      ['www.example.com/page', 'https://www.example.com/page'],
      ['example.com', 'https://example.com'],
      ['https;//example.com/a', 'https://example.com/a'],
    ]) {
      const { markdown, notes } = htmlToMarkdown(`<p>See <a href="${href}">this</a>.</p>`, { address });
      expect(markdown, href).toBe('See this.\n');
      expect(notes, href).toHaveLength(1);
      expect(notes[0]!.message, href).toContain(`(perhaps ${meant} was meant)`);
    }
  });

  test('a relative address is still read against the old address', () => {
    expect(htmlToMarkdown('<p><a href="other.html">other</a></p>', { address }).markdown).toBe(
      '[other](https://calm.blogspot.com/2020/01/other.html)\n',
    );
  });
});

describe('B14 sibling: code offered in a text box to copy', () => {
  test('a <textarea> outside a form is a code block, its lines and indents kept, and splits a paragraph it sat in', () => {
    const { markdown } = htmlToMarkdown(
      '<p id="code">Paste this: <textarea rows="3">&lt;div class="box"&gt;\n  &lt;a href="x"&gt;Hi&lt;/a&gt;\n&lt;/div&gt;</textarea> into the template.</p><p><a href="#code">Back</a></p>',
    );
    expect(markdown).toBe(
      '<span id="code"></span>Paste this:\n\n```\n<div class="box">\n  <a href="x">Hi</a>\n</div>\n```\n\ninto the template.\n\n[Back](#code)\n',
    );
  });
});
