import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { auditSite } from '../../src/integrations/security-headers.ts';
import { TEST_DIST } from '../paths.ts';
import { IMPORTED, listDistFiles, loadPage, readDist } from './dist.ts';

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
    // stones-in-bowl, towel, the oil, label.png, feet, before and after (the schedule sits in an HTML table).
    expect(local.length).toBe(7);
    expect(local.map((img) => String(img.properties.src).split('.')[0])).toEqual([
      '/_astro/stones-in-bowl',
      '/_astro/towel',
      '/_astro/avvxseh7ycoilbottle',
      '/_astro/label',
      '/_astro/feet',
      '/_astro/before',
      '/_astro/after',
    ]);
    for (const img of local) {
      expect(img.properties.width, String(img.properties.src)).toBeTruthy();
      expect(img.properties.height).toBeTruthy();
    }
    expect(wentWrong.all('.prose img[src^="/_astro/"]')).toHaveLength(5);
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
      'https://www.google.com',
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
