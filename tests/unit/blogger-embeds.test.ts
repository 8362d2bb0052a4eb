import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { frameSize, swfObjectTarget } from '../../src/lib/blogger/transforms.ts';
import { computeContentSources } from '../../src/lib/security-headers.ts';
import { playersIn } from './players.ts';

/** The frames a page's Markdown holds, as the CSP computation reads them from the built page. */
const framesOf = (markdown: string) => [...markdown.matchAll(/<iframe src="([^"]+)"/g)].map((match) => match[1]!);

describe('videos hosted by Blogger itself never become a frame the CSP blocks', () => {
  const TOKEN =
    'AD6v5dzWo_c_9RZ3gKCixrCKxUidiB7jVhLO2IQiubu7W57TzaZstrcUskB4CXe4B6UbGqu8c3CMPgCw-JUMLw8utDm4YQ5hgqypOpUvMVriyVGLMg9N8Z85ivJZnbxlxN4QhZt0WxYw';

  test.each([
    [
      'the iframe Blogger’s editor writes for an uploaded video',
      `<iframe allowfullscreen="allowfullscreen" class="b-hbp-video b-uploaded" frameborder="0" height="266" id="BLOGGER-video-603d7fcafb20f5e0-3061" mozallowfullscreen="mozallowfullscreen" src="https://www.blogger.com/video.g?token=${TOKEN}" webkitallowfullscreen="webkitallowfullscreen" width="320"></iframe>`,
    ],
    [
      'a bare http:// video.g frame',
      `<iframe src="http://www.blogger.com/video.g?token=${TOKEN}&amp;origin=calm.blogspot.com"></iframe>`,
    ],
    [
      'a scheme-relative video.g frame',
      `<iframe width="100%" height="auto" src="//www.blogger.com/video.g?token=${TOKEN}"></iframe>`,
    ],
  ])('%s becomes a link to its player on the old blog, with a to-do', (_name, html) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Fuß-Massage, Schritt für Schritt:</p>${html}<p>Danach.</p>`);
    expect(markdown).not.toMatch(/<iframe|<object|<embed/);
    expect(markdown).toMatch(
      /^\[Watch this video on the old blog \(a video hosted by Blogger\)\]\(https:\/\/www\.blogger\.com\/video\.g\?token=AD6v5/m,
    );
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'blogger-video',
        message: expect.stringMatching(
          /^a video hosted by Blogger \(https:\/\/www\.blogger\.com\/video\.g\?token=.*upload it to YouTube or Vimeo/,
        ),
      }),
    ]);
    expect(computeContentSources([{ page: '/posts/x/', images: [], frames: framesOf(markdown) }]).warnings).toEqual([]);
  });

  test.each([
    [
      'Blogger’s 2008–2012 Flash upload (YouTube’s get_player fed a file)',
      '<object width="320" height="266" class="BLOGGER-video" classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000"><param name="movie" value="http://www.youtube.com/get_player"><param name="bgcolor" value="#FFFFFF"><param name="flashvars" value="flvurl=http://v14.nonxt3.googlevideo.com/videoplayback?id%3D8c6f1e9b5e8c3d2a%26itag%3D5&amp;iurl=http://video.google.com/ThumbnailServer2?app%3Dblogger&amp;autoplay=0&amp;ps=blogger"><embed src="http://www.youtube.com/get_player" type="application/x-shockwave-flash" width="320" height="266" bgcolor="#FFFFFF" flashvars="flvurl=http://v14.nonxt3.googlevideo.com/videoplayback?id%3D8c6f1e9b5e8c3d2a&amp;ps=blogger"></embed></object>',
      'http://www.youtube.com/get_player',
    ],
    [
      'an <embed> alone on blogger.com/video-play',
      '<embed src="http://www.blogger.com/video-play.mp4?contentId=603d7fcafb20f5e0" type="application/x-shockwave-flash" width="400" height="326">',
      'http://www.blogger.com/video-play.mp4',
    ],
    [
      'a youtube.googleapis.com player given a Blogger video id',
      '<object data="http://youtube.googleapis.com/v/603d7fcafb20f5e0-3061&amp;source=uds" type="application/x-shockwave-flash"></object>',
      'http://youtube.googleapis.com/v/603d7fcafb20f5e0-3061',
    ],
  ])('%s leaves a line saying a video was there, and a to-do naming its player', (_name, html, address) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Видео о массаже стоп:</p>${html}`);
    expect(markdown).toBe(
      'Видео о массаже стоп:\n\n\\[A video hosted by Blogger was here; it plays only on the old blog.]\n',
    );
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'blogger-video', message: expect.stringContaining(`(${address}`) }),
    ]);
  });

  test('a YouTube video in Blogger’s own embed class is still the YouTube video, in the site’s player', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<object class="BLOGGER-youtube-video" width="320" height="266"><param name="movie" value="http://youtube.googleapis.com/v/dQw4w9WgXcQ&amp;source=uds"><embed src="http://youtube.googleapis.com/v/dQw4w9WgXcQ&amp;source=uds" type="application/x-shockwave-flash" width="320" height="266"></embed></object>',
    );
    expect(playersIn(markdown).map((player) => player.embed)).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ]);
    expect(notes).toEqual([]);
  });
});

describe('a frame’s size is one the HTML standard takes (a whole number of pixels) or none', () => {
  test.each([
    ['560', '315', { width: '560', height: '315', style: 'aspect-ratio: 560 / 315; height: auto' }],
    ['560px', '315px', { width: '560', height: '315', style: 'aspect-ratio: 560 / 315; height: auto' }],
    [' 480.6 ', '270', { width: '481', height: '270', style: 'aspect-ratio: 481 / 270; height: auto' }],
    ['100%', '420', { height: '420', style: 'width: 100%' }],
    ['100%', 'auto', { style: 'width: 100%' }],
    ['auto', '360', { height: '360' }],
    ['0', '-5', {}],
    ['wide', '', {}],
    [undefined, undefined, {}],
  ])('width %j, height %j', (width, height, size) => {
    expect(frameSize(width, height)).toEqual(size);
  });

  test('frames and converted Flash players are written with that size; video players take the column’s width whatever theirs was', () => {
    const { markdown } = htmlToMarkdown(
      '<iframe width="100%" height="auto" src="https://docs.google.com/presentation/d/e/2PACX-x/embed"></iframe>' +
        '<iframe width="560px" height="315px" src="https://w.soundcloud.com/player/?url=x"></iframe>' +
        '<embed src="http://www.dailymotion.com/swf/video/x7tgad0" width="425px" height="100%" type="application/x-shockwave-flash">' +
        '<iframe width="100%" height="auto" src="https://player.vimeo.com/video/7100569"></iframe>' +
        '<embed src="http://www.youtube.com/v/dQw4w9WgXcQ&amp;hl=en" width="425px" height="100%" type="application/x-shockwave-flash">',
    );
    expect(markdown).toContain(
      '<iframe src="https://docs.google.com/presentation/d/e/2PACX-x/embed" title="Google Slides presentation" loading="lazy" style="width: 100%" allowfullscreen></iframe>',
    );
    expect(markdown).toContain(
      'title="SoundCloud audio player" loading="lazy" width="560" height="315" style="aspect-ratio: 560 / 315; height: auto" allowfullscreen>',
    );
    expect(markdown).toContain('title="Dailymotion video" loading="lazy" width="425" allowfullscreen>');
    expect(playersIn(markdown)).toHaveLength(2);
    // Every width and height left is a non-negative integer, as the Nu HTML Checker requires.
    for (const [, value] of markdown.matchAll(/\s(?:width|height)="([^"]*)"/g)) expect(value).toMatch(/^\d+$/);
  });
});

describe('a Flash player from an unknown host goes with its “Get Flash” text, and the report names it', () => {
  test('the fallback’s text and Adobe’s badge go; its address and the links it gave are listed', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Tur virtual al cabinetului:</p>' +
        '<object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="550" height="400"><param name="movie" value="http://www.spa-tours.example/tur.swf"><!--[if !IE]>--><object type="application/x-shockwave-flash" data="http://www.spa-tours.example/tur.swf" width="550" height="400"><!--<![endif]-->' +
        '<p>You need Flash player 8+ to view this tour. <a href="http://www.adobe.com/go/getflashplayer"><img src="http://www.adobe.com/images/shared/download_buttons/get_flash_player.gif" alt="Get Adobe Flash player"></a></p>' +
        '<p>Or see the <a href="http://www.spa-tours.example/tur.html">photos of the rooms</a>.</p><!--[if !IE]>--></object><!--<![endif]--></object>' +
        '<p>Programări: 0722 000 000</p>',
    );
    expect(markdown).toBe('Tur virtual al cabinetului:\n\nProgramări: 0722 000 000\n');
    expect(notes).toEqual([
      {
        kind: 'flash',
        message:
          'a Flash or plug-in player (http://www.spa-tours.example/tur.swf) was removed; its text for readers without the plug-in ("You need Flash player 8+ to view this tour. Or see the photos of the rooms.") went with it; it linked to http://www.spa-tours.example/tur.html: browsers no longer play it; embed the content again if it exists elsewhere',
      },
    ]);
  });

  test.each([
    ['Get Flash', '<object data="http://games.example.net/massage-quiz.swf">Get Flash</object>'],
    [
      'a line in Portuguese',
      '<object data="http://games.example.net/massage-quiz.swf"><param name="movie" value="http://games.example.net/massage-quiz.swf">Você precisa do Flash Player para ver este conteúdo.</object>',
    ],
    [
      'only Adobe’s linked badge',
      '<object data="//games.example.net/massage-quiz.swf"><a href="https://get.adobe.com/flashplayer/"><img src="https://www.adobe.com/images/shared/download_buttons/get_flash_player.gif" alt="Get Adobe Flash player"></a></object>',
    ],
  ])('%s: nothing of it stays in the post', (_name, html) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Antes.</p>${html}<p>Depois.</p>`);
    expect(markdown).toBe('Antes.\n\nDepois.\n');
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'flash',
        message: expect.stringContaining('games.example.net/massage-quiz.swf'),
      }),
    ]);
  });

  test('a picture the player showed without the plug-in is content, and stays', () => {
    const { markdown } = htmlToMarkdown(
      '<object data="http://www.spa-tours.example/tur.swf"><img src="https://1.bp.blogspot.com/-t/s400/sala.jpg" alt="A sala vista da porta"> Instale o Flash.</object>',
    );
    expect(markdown).toBe('![A sala vista da porta](https://1.bp.blogspot.com/-t/s400/sala.jpg)\n');
  });

  test.each([
    [
      'SWFObject 2 (swfobject.embedSWF)',
      '<div id="flashcontent"><p>You need Flash Player 9 to see this tour.</p><a href="http://www.adobe.com/go/getflashplayer"><img src="http://www.adobe.com/images/shared/download_buttons/get_flash_player.gif" alt="Get Adobe Flash player"></a></div><script type="text/javascript">swfobject.embedSWF("http://tours.example.net/tur.swf", "flashcontent", "550", "400", "9.0.0");</script>',
      'You need Flash Player 9 to see this tour.',
    ],
    [
      'SWFObject 1 (new SWFObject … .write)',
      "<div id='tour'>Este conteúdo requer o Adobe Flash Player.</div><script>var so = new SWFObject('http://tours.example.net/tur.swf', 'tourmovie', '550', '400', '8', '#ffffff'); so.addParam('wmode', 'transparent'); so.write('tour');</script>",
      'Este conteúdo requer o Adobe Flash Player.',
    ],
  ])('a player a %s script placed goes with its script and its “Get Flash” text, in one note', (_name, html, text) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Antes.</p>${html}<p>Depois.</p>`);
    expect(markdown).toBe('Antes.\n\nDepois.\n');
    expect(notes).toEqual([
      {
        kind: 'flash',
        message: `a Flash player (http://tours.example.net/tur.swf) placed by a SWFObject script was removed with its script; its text for readers without the plug-in ("${text}") went with it: browsers no longer play it; embed the content again if it exists elsewhere`,
      },
    ]);
  });

  test('only a SWFObject script names a movie and the element it fills', () => {
    expect(swfObjectTarget('swfobject.embedSWF( "a.swf" , "box", "1", "1", "9");')).toEqual({
      movie: 'a.swf',
      target: 'box',
    });
    expect(swfObjectTarget('document.write("hello");')).toBeUndefined();
    expect(swfObjectTarget('var so = new SWFObject("a.swf", "m", "1", "1", "8");')).toBeUndefined();
  });
});

describe('a <video> or <audio> playing a file from another host becomes a link to it, never media the CSP blocks', () => {
  test.each([
    [
      'a video with its own src, on Blogger’s video host',
      '<video controls width="320" src="http://r3---sn-4g5e6nsz.googlevideo.com/videoplayback/massagem.mp4?id=1"></video>',
      '[Watch the video (massagem.mp4, on r3---sn-4g5e6nsz.googlevideo.com)](https://r3---sn-4g5e6nsz.googlevideo.com/videoplayback/massagem.mp4?id=1)',
    ],
    [
      'a titled video with <source> elements',
      '<video controls poster="https://1.bp.blogspot.com/-p/s320/poster.jpg" title="Automassagem do pescoço"><source src="//media.example.org/v/pescoço.webm" type="video/webm"><source src="//media.example.org/v/pescoço.mp4" type="video/mp4">Seu navegador não mostra vídeos.</video>',
      '[Watch “Automassagem do pescoço” (pescoço.webm, on media.example.org)](https://media.example.org/v/pesco%C3%A7o.webm)',
    ],
    [
      'an audio recording',
      '<audio controls src="http://podcast.example.net/ep12/respiracao%20guiada.mp3"></audio>',
      '[Listen to the recording (respiracao guiada.mp3, on podcast.example.net)](https://podcast.example.net/ep12/respiracao%20guiada.mp3)',
    ],
  ])('%s', (_name, html, link) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Veja:</p>${html}`);
    expect(markdown).toBe(`Veja:\n\n${link}\n`);
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'embed', message: expect.stringContaining('is a link to that file') }),
    ]);
  });

  test('a <video> with no remote file is left as it was', () => {
    expect(htmlToMarkdown('<video controls></video>').markdown).toContain('<video controls></video>');
  });
});

describe('a social network’s embed is a link to the post or video it showed, not to its plugin', () => {
  test.each([
    [
      'a Facebook video, inside a line',
      '<p>Watch: <iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcalmhands%2Fvideos%2F10155%2F&amp;show_text=0&amp;width=560" width="560" height="315"></iframe> (two minutes)</p>',
      'Watch: [The video on Facebook](https://www.facebook.com/calmhands/videos/10155/) (two minutes)\n',
    ],
    [
      'a Facebook post over http, on m.facebook.com',
      '<iframe src="http://m.facebook.com/plugins/post.php?href=https://www.facebook.com/calmhands/posts/pfbid02x"></iframe>',
      '[The post on Facebook](https://www.facebook.com/calmhands/posts/pfbid02x)\n',
    ],
    [
      'an Instagram post, titled by its author',
      '<iframe src="https://www.instagram.com/p/CxYz12_ab/embed/captioned/" title="Our new room"></iframe>',
      '[Our new room](https://www.instagram.com/p/CxYz12_ab/)\n',
    ],
  ])('%s', (_, html, markdown) => {
    const converted = htmlToMarkdown(html);
    expect(converted.markdown).toBe(markdown);
    expect(converted.notes).toEqual([expect.objectContaining({ kind: 'embed-unknown' })]);
  });

  test('a plugin that names no web page stays a link to the plugin', () => {
    const { markdown } = htmlToMarkdown(
      '<iframe src="https://www.facebook.com/plugins/video.php?href=javascript:alert(1)"></iframe>',
    );
    expect(markdown).toContain('[Embedded content from www.facebook.com](https://www.facebook.com/plugins/video.php');
    expect(markdown).not.toContain('](javascript:');
  });
});
