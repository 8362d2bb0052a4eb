import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { auditSite } from '../../src/integrations/security-headers.ts';
import { TEST_DIST } from '../paths.ts';
import { selectAll } from 'hast-util-select';
import { IMPORTED, listDistFiles, loadPage, PUBLISHED, readDist, textOf } from './dist.ts';

/** The policy the build wrote into _headers. */
const csp = /Content-Security-Policy: (.*)/.exec(readDist('_headers'))![1]!;
const directive = (name: string) =>
  csp
    .split('; ')
    .find((part) => part.startsWith(`${name} `))!
    .split(' ')
    .slice(1);

/** Every remote address the built pages show as an image or embed, read independently of the audit. */
function remoteAddresses(kind: 'img' | 'iframe'): Set<string> {
  const found = new Set<string>();
  for (const file of listDistFiles().filter((f) => f.endsWith('.html'))) {
    const html = readDist(file);
    for (const match of html.matchAll(new RegExp(`<${kind}\\b[^>]*?\\ssrc="((?:https?:)?//[^"]+)"`, 'g'))) {
      found.add(new URL(match[1]!.startsWith('//') ? `https:${match[1]}` : match[1]!).origin);
    }
  }
  return found;
}

describe('an imported Blogger blog in the built site', () => {
  const hotStones = loadPage(`/posts/${IMPORTED.hotStones}/`);
  const wentWrong = loadPage(`/posts/${IMPORTED.wentWrong}/`);

  test('downloaded images are optimised by astro:assets like any editor’s image', () => {
    const local = hotStones.all('.prose img').filter((img) => String(img.properties.src).startsWith('/_astro/'));
    // Markdown images, then those in HTML tables that stay HTML (the schedule twice), then the
    // picture a Flash object showed without its plug-in.
    expect(local.map((img) => decodeURI(String(img.properties.src)).split('.')[0])).toEqual([
      '/_astro/stones-in-bowl',
      '/_astro/towel',
      '/_astro/avvxseh7ycoilbottle',
      '/_astro/label',
      '/_astro/feet',
      '/_astro/oil-on-palms',
      '/_astro/before',
      '/_astro/after',
      '/_astro/schedule',
      '/_astro/камни-на-спине',
      '/_astro/massagem-nos-pés',
      '/_astro/schedule',
      '/_astro/tur-virtual',
      '/_astro/ulei-aproape',
      '/_astro/pietre-fierbinti',
      // The YouTube videos' pictures, the posters of their players.
      '/_astro/youtube-rhda8lm2pqe',
      '/_astro/youtube-m7lc1uvf-ve',
      '/_astro/youtube-9bzkp7q19f0',
    ]);
    for (const img of local) {
      expect(img.properties.width, String(img.properties.src)).toBeTruthy();
      expect(img.properties.height).toBeTruthy();
    }
    expect(wentWrong.all('.prose img[src^="/_astro/"]')).toHaveLength(5);
  });

  test('a downloaded image is shown at the size the old blog showed it, not at its file’s full size', () => {
    const shown = (name: string) => {
      const img = hotStones
        .all('.prose img')
        .find((i) => decodeURI(String(i.properties.src)).startsWith(`/_astro/${name}.`));
      expect(img, name).toBeTruthy();
      return [img!.properties.width, img!.properties.height];
    };
    // Each file is a 1200 × 900 original (downloaded at s0). Sized only by its address (/s320/, no
    // width attribute), in the text:
    expect(shown('oil-on-palms')).toEqual([320, 240]);
    // Sized by a width attribute, in the text (the picture a Flash object showed):
    expect(shown('tur-virtual')).toEqual([400, 300]);
    // Sized only by its address (w400-h300), in HTML that stays HTML:
    expect(shown('massagem-nos-pés')).toEqual([400, 300]);
  });

  test('images in HTML that stays HTML (a layout table, nested divs) are served from /_astro/ with a srcset, width and height', () => {
    const table = hotStones.all('.prose table').find((t) => /Камни на спине/.test(JSON.stringify(t)))!;
    expect(table).toBeTruthy();
    const images = hotStones
      .all('.prose table img')
      .filter((img) => /камни|massagem/.test(decodeURI(String(img.properties.src))));
    expect(images).toHaveLength(2);
    for (const img of images) {
      expect(String(img.properties.src)).toMatch(/^\/_astro\/[^/]+\.webp$/);
      expect(String(img.properties.srcSet).split(', ').length).toBeGreaterThan(1);
      for (const candidate of String(img.properties.srcSet).split(', '))
        expect(candidate).toMatch(/^\/_astro\/\S+ \d+w$/);
      expect(Number(img.properties.width)).toBeGreaterThan(0);
      expect(Number(img.properties.height)).toBeGreaterThan(0);
    }
    // Shown at the width the Blogger post gave it (320), from the 1200 px original; the height follows its proportions.
    expect([images[0]!.properties.width, images[0]!.properties.height]).toEqual([320, 240]);
    // Its alt, written in the export as `&amp;amp; \`pedras\``, reads as the author typed it (a
    // backtick once reached the page as the text "&#x60;").
    expect(images[1]!.properties.alt).toBe('Massagem nos pés com óleo morno & `pedras`, sessão de sábado');
    // The table keeps its layout as CSS, and none of the attributes HTML dropped long ago.
    expect(table.properties.style).toBe('width: 100%;');
    expect(table.properties).not.toHaveProperty('cellPadding');
    // An image the import could not fetch stays remote in the same table, over https.
    expect(hotStones.all('.prose table img').map((img) => String(img.properties.src))).toContain(
      'https://3.bp.blogspot.com/-gone/Qr/missing/s320/carta%20antiga.jpg',
    );
  });

  test('the same picture used twice is one file; nothing on the imported posts needs Blogger’s hosts except what failed', () => {
    const schedules = hotStones
      .all('.prose img')
      .filter((img) => String(img.properties.src).startsWith('/_astro/schedule.'))
      .map((img) => String(img.properties.src).replace(/_[^_.]+\.webp$/, ''));
    expect(schedules).toHaveLength(2);
    expect(new Set(schedules).size).toBe(1);
    const remote = hotStones
      .all('img')
      .map((img) => String(img.properties.src))
      .filter((src) => /^(https?:)?\/\//.test(src));
    expect(remote).toEqual(['https://3.bp.blogspot.com/-gone/Qr/missing/s320/carta%20antiga.jpg']);
    // The table's pictures came from these hosts; once downloaded, the policy needs none of them.
    for (const host of ['https://blogger.googleusercontent.com', 'https://2.bp.blogspot.com']) {
      expect(directive('img-src')).not.toContain(host);
    }
  });

  test('a post that opened with a described picture has it as its hero, optimised, shown once and shared', () => {
    const hero = wentWrong.one('img.hero')!;
    expect(String(hero.properties.src)).toMatch(/^\/_astro\/blue-door\./);
    expect(hero.properties.alt).toBe(
      'The studio’s blue door on a rainy morning, a bicycle chained to the railings'.replace('’', "'"),
    );
    expect(wentWrong.all('.prose img').filter((img) => String(img.properties.src).includes('blue-door'))).toEqual([]);
    const shared = wentWrong.one('meta[property="og:image"]')!;
    expect(String(shared.properties.content)).toMatch(/\/_astro\/blue-door\.[\w-]+\.jpe?g$/);
    expect(hotStones.one('img.hero')).toBeUndefined();
  });

  test('a Markdown image’s alt keeps a pipe, an ampersand and backticks exactly as the author typed them', () => {
    const after = hotStones
      .all('.prose table img')
      .find((img) => String(img.properties.src).startsWith('/_astro/after.'));
    expect(after?.properties.alt).toBe('After | shoulders down & jaw `unclenched`');
    expect(readDist(`posts/${IMPORTED.hotStones}/index.html`)).not.toMatch(/&(?:amp;)?#(?:x60|96);/);
  });

  test('a caption table is a figure with its caption, and its image is described by it for now', () => {
    const figure = hotStones.one('.prose figure')!;
    expect(hotStones.text('.prose figure figcaption')).toBe('Prosoape calde & bazalt — gata în 10 min');
    const img = hotStones.all('.prose figure img')[0]!;
    expect(img.properties.alt).toBe('Prosoape calde & bazalt — gata în 10 min');
    expect(String(img.properties.src)).toMatch(/^\/_astro\/towel\./);
    expect(figure).toBeTruthy();
  });

  test('images left remote are shown over https from their own hosts', () => {
    const remote = wentWrong
      .all('.prose img')
      .map((img) => String(img.properties.src))
      .filter((src) => !src.startsWith('/'));
    expect(remote).toEqual([
      'https://3.bp.blogspot.com/-gone/Qq/missing/s320/old-studio.jpg',
      'https://4.bp.blogspot.com/-sign/Ss/page-as-image/s320/sign-in.jpg',
      'https://1.bp.blogspot.com/-bm/Bb/bitmap/s320/scan.bmp',
      'https://1.bp.blogspot.com/-hg/Hh/huge/s320/panorama.jpg',
      'https://1.bp.blogspot.com/-en/Ee/endless/s320/stream.jpg',
      'https://images.example.org/charts/stone-temperature.jpg',
    ]);
  });

  test('a <picture> in a link to the full-size photo is that photo, downloaded; a cropped thumbnail shows its box', () => {
    const [picture, crop] = ['ulei-aproape', 'pietre-fierbinti'].map((name) =>
      hotStones.all('.prose img').find((img) => decodeURI(String(img.properties.src)).startsWith(`/_astro/${name}.`))!,
    );
    // The full-size file came (1200 px), shown at the 400 px the post gave it; no link back to Blogger.
    expect([picture!.properties.width, picture!.properties.height]).toEqual([400, 300]);
    expect(hotStones.html).not.toMatch(/href="https:\/\/blogger\.googleusercontent\.com[^"]*ulei/);
    expect(hotStones.all('.prose picture, .prose source')).toEqual([]);
    // s72-c: Blogger showed a 72 px square cut from the 1200 × 900 photo; so does the page.
    expect([crop!.properties.width, crop!.properties.height]).toEqual([72, 72]);
    expect(String(crop!.properties.style)).toContain('object-fit: cover');
  });

  test('a video hosted by Blogger is a link to its player; frames have sizes HTML takes; a Flash player’s “Get Flash” text is gone', () => {
    expect(hotStones.all('iframe').map((frame) => new URL(String(frame.properties.src)).hostname)).not.toContain(
      'www.blogger.com',
    );
    const link = hotStones.all('.prose a').find((a) => String(a.properties.href).includes('blogger.com/video.g'));
    expect(textOf(link)).toBe('Watch this video on the old blog (a video hosted by Blogger)');
    for (const frame of hotStones.all('.prose iframe')) {
      for (const name of ['width', 'height'] as const) {
        if (frame.properties[name] !== undefined) expect(String(frame.properties[name])).toMatch(/^\d+$/);
      }
    }
    const soundCloud = hotStones.all('.prose iframe').find((f) => String(f.properties.src).includes('soundcloud'))!;
    expect(String(soundCloud.properties.height)).toBe('166');
    expect(soundCloud.properties.style).toBe('width: 100%');
    expect(hotStones.html).not.toMatch(/You need Flash Player|get_flash_player/);
  });

  test('imported text keeps the characters its author typed (straight quotes, three dots, two hyphens) and the inline tags that carry meaning; an editor’s post still gets typography', () => {
    const about = loadPage('/about-our-stones/');
    const typed = about
      .all('.prose p')
      .map(textOf)
      .find((text) => text.includes('basalt'));
    expect(typed).toBe(`We say "basalt", never 'lava rock'... ask us if you're unsure -- or ring: 020 7946 0000.`);
    expect(textOf(wentWrong.one('.prose')!)).toContain('moved by Google to "Album Archive"');
    // Markup whose meaning is in the tag stays; bold written as a style is bold.
    expect(about.html).toContain(
      'Book an <abbr title="hot stone massage">HSM</abbr> and say <strong>warm</strong>, <span lang="ro">cald</span> in Romanian; press <kbd>F5</kbd> to see new dates.',
    );
    // The control: the same straight quotes in an editor's post (tests/fixtures/overlay) are curled.
    const native = textOf(loadPage(`/posts/${PUBLISHED.cardArabic}/`).one('.prose')!);
    expect(native).toContain('“I tried it after a 10-hour shift and slept like a stone.”');
  });

  test('YouTube and Vimeo videos, Flash or frames, are the site’s click-to-load player with a poster of its own, or a plain box', () => {
    const players = hotStones.all('.prose .player > a.facade');
    expect(players.map((a) => [a.properties.href, a.properties.dataVideoEmbed])).toEqual([
      ['https://www.youtube.com/watch?v=rHDa8Lm2PqE', 'https://www.youtube-nocookie.com/embed/rHDa8Lm2PqE?autoplay=1'],
      ['https://www.youtube.com/watch?v=M7lc1UVf-VE', 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1'],
      ['https://vimeo.com/11112222', 'https://player.vimeo.com/video/11112222?autoplay=1&dnt=1'],
      ['https://vimeo.com/33334444', 'https://player.vimeo.com/video/33334444?autoplay=1&dnt=1'],
      ['https://www.youtube.com/watch?v=9bZkp7q19f0', 'https://www.youtube-nocookie.com/embed/9bZkp7q19f0?autoplay=1'],
    ]);
    // No frame of theirs before the click: only the players the site has no facade for are frames.
    expect(hotStones.all('.prose iframe').map((f) => new URL(String(f.properties.src)).hostname)).toEqual([
      'docs.google.com',
      'w.soundcloud.com',
      'open.spotify.com',
    ]);
    // A Google Maps frame is a link to the map (it would load Google's scripts for every reader).
    const map = hotStones
      .all('.prose a')
      .find((a) => String(a.properties.href).startsWith('https://www.google.com/maps/'));
    expect(textOf(map)).toBe('The map on Google Maps');
    for (const player of players) {
      const title = String(player.properties.dataVideoTitle);
      expect(title).toMatch(/^Video( \d)? in “FIXTURE Hot Stones at Home, Step by Step”$/);
      expect(textOf(selectAll('.play', player)[0])).toBe(
        `Play ${title} (loads ${String(player.properties.href).includes('vimeo') ? 'Vimeo' : 'YouTube'})`,
      );
      const poster = selectAll('img', player)[0];
      if (String(player.properties.href).includes('vimeo')) {
        // Vimeo gives no picture without an API key: a plain box the size of the poster.
        expect(poster).toBeUndefined();
        expect(selectAll('.no-poster', player)).toHaveLength(1);
      } else {
        // Optimised by astro:assets, from this site, decorative: the link's text names the video.
        expect(String(poster!.properties.src)).toMatch(/^\/_astro\/youtube-/);
        expect(poster!.properties.srcSet).toBeTruthy();
        expect(poster!.properties.alt).toBe('');
      }
    }
    // A Flash object inside a paragraph between <br>s: the player stands on its own, with the picture it
    // could not get replaced by its title on a plain box.
    const cold = wentWrong.all('.prose > .player > a.facade');
    expect(cold.map((a) => a.properties.href)).toEqual(['https://www.youtube.com/watch?v=xGone4Tq2Zs']);
    expect(selectAll('img', cold[0]!)).toEqual([]);
    expect(textOf(selectAll('.no-poster', cold[0]!)[0])).toBe(
      'Video in “FIXTURE Cold Weather, Warm Stones: What Went Wrong”',
    );
    expect(wentWrong.text('.prose')).toContain('(filmat cu un telefon, scuze pentru calitate)');
  });

  test("a link to the old blog's own post, written whole on a country domain, leads to this site through the redirect", () => {
    const wentWrong = loadPage(`/posts/${IMPORTED.wentWrong}/`);
    const link = wentWrong
      .all('.prose a')
      .find((a) => textOf(a) === 'last month’s post' || textOf(a) === "last month's post")!;
    expect(link.properties.href).toBe('/2021/11/hot-stones-at-home.html');
    expect(readDist('2021/11/hot-stones-at-home.html')).toContain(`/posts/${IMPORTED.hotStones}/`);
  });

  test('a page with a video player ships the player’s script; a post without one ships none', () => {
    const script = /<script type="module">[^<]*a\[data-video-embed\]/;
    expect(hotStones.html).toMatch(script);
    expect(wentWrong.html).toMatch(script);
    expect(loadPage('/posts/comprehensive-overview-of-reflexology-massage/').html).not.toMatch(
      /<script type="module">/,
    );
  });

  test('img-src allows exactly the remote image hosts the pages use, and frame-src the embeds', () => {
    expect(directive('img-src')).toEqual(["'self'", 'data:', ...[...remoteAddresses('img')].sort()]);
    expect(directive('img-src')).toContain('https://images.example.org');
    const frames = directive('frame-src');
    for (const origin of remoteAddresses('iframe')) expect(frames, origin).toContain(origin);
    expect(frames).toEqual([
      'https://docs.google.com',
      'https://open.spotify.com',
      'https://player.vimeo.com',
      'https://w.soundcloud.com',
      'https://www.youtube-nocookie.com',
    ]);
  });

  test('nginx gets the same policy as _headers, and the audit has nothing to warn about', async () => {
    const conf = spawnSync('node', ['scripts/nginx-conf.ts', '--root', TEST_DIST, '--port', '8080', '--standalone'], {
      encoding: 'utf8',
    });
    expect(conf.status, conf.stderr).toBe(0);
    expect(conf.stdout).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    expect((await auditSite(TEST_DIST)).warnings).toEqual([]);
  });
});
