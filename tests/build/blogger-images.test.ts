import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startImageServer, type ImageServer } from '../image-server.ts';
import { ProjectCopy } from './project-copy.ts';

const EXPORT = fileURLToPath(new URL('../fixtures/blogger/images-feed.atom', import.meta.url));
const HOME = 'content/posts/hot-stones-at-home';
const WRONG = 'content/posts/what-went-wrong';

describe('importing a blog whose images are on Blogger’s hosts (served by a local test server)', () => {
  const project = new ProjectCopy();
  let server: ImageServer;
  const importBlogger = () =>
    project.runAsync(
      'node',
      ['scripts/import-blogger.ts', EXPORT, '--max-image-mb', '1', '--image-timeout', '5'],
      server.env,
    );
  /** The first import, made once before the tests, so that any test may run alone or in any order. */
  let first: { status: number | null; output: string };
  beforeAll(async () => {
    server = await startImageServer();
    first = await importBlogger();
  }, 120_000);
  afterAll(async () => {
    await server.close();
    project.remove();
  });

  test('downloads every image it can, at full size, next to its post, and says what it did', async () => {
    const { status, output } = first;
    expect(status, output).toBe(0);
    expect(output).toContain(
      "images:   24 downloaded, 7 left at their remote address (allowed by the site's CSP), 5 without a description",
    );
    // Blogger's size in the address asks for the original (s0), whatever the post showed.
    expect(server.requests).toContain(
      'http://1.bp.blogspot.com/-Xq9wT2/VZkAAA/AAAAAAAAB1s/kF3/s0/stones%20in%20bowl.JPG',
    );
    expect(server.requests).toContain('https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEiQ7/s0/towel.jpg');
    expect(server.requests.some((r) => /\/s(320|1600)\/stones%20in/.test(r))).toBe(false);

    const post = project.read(`${HOME}/index.md`);
    // The post gave it 320 px, but the file is a 64 px stand-in: shown whole, as Markdown (the site
    // cannot draw a picture larger than its file; a width it cannot fill made invalid HTML).
    expect(post).toContain('\n![](./stones-in-bowl.jpg)\n');
    // Shown at 320 px by its address alone (/s320/) while the file is the 1200 px original.
    expect(post).toContain('\n<img src="./oil-on-palms.jpg" alt="Warm oil poured into cupped palms" width="320">\n');
    expect(post).toContain(
      '<figure>\n\n![Prosoape calde & bazalt — gata în 10 min](./towel.jpg)\n\n<figcaption>Prosoape calde &amp; bazalt — gata în 10\u00a0min</figcaption>\n</figure>',
    );
    expect(post).toContain('![The printed price list: 30 minutes £35, 60 minutes £60](./label.png)');
    expect(post).toContain('![Bare feet resting on a folded white towel](./feet.jpg)');
    expect(post).toContain('| ![](./before.jpg) | ![After \\| shoulders down & jaw \\`unclenched\\`](./after.jpg) |');
    // Images in HTML that stays HTML (tables without header cells) are downloaded too, one file per photo.
    expect(post).toContain('<td colspan="2"><img src="./schedule.jpg" alt=""></td>');
    expect(post).toContain('<img src="./schedule.jpg" title="Programul de vară" alt="Programul de vară">');
    expect(post).toContain(
      '<td style="text-align: center; width: 50%;"><img src="./камни-на-спине.jpg" width="320" alt=""></td>',
    );
    expect(post).toContain(
      '<div><img src="./massagem-nos-pés.jpg" alt="Massagem nos pés com óleo morno &#x26; &#x60;pedras&#x60;, sessão de sábado" width="400"></div>',
    );
    expect(post).toContain(
      '<img src="https://3.bp.blogspot.com/-gone/Qr/missing/s320/carta%20antiga.jpg" alt="A carta antiga do estúdio">',
    );
    // A Flash object is gone, and the picture it showed without its plug-in stays.
    expect(post).not.toContain('<object');
    expect(post).toContain(
      '<img src="./tur-virtual.jpg" alt="The treatment room seen from the door, before the flash tour loads" width="400">',
    );
    for (const file of ['schedule.jpg', 'камни-на-спине.jpg', 'massagem-nos-pés.jpg', 'tur-virtual.jpg']) {
      expect(project.exists(`${HOME}/${file}`), file).toBe(true);
    }
    expect(project.exists(`${HOME}/schedule-2.jpg`)).toBe(false);
    // The srcset's 2x file, at its largest size, with its query string; the Cyrillic name decoded.
    expect(server.requests).toContain(
      'http://blogger.googleusercontent.com/img/b/R29vZ2xl/-wide/AVvXsEgPes/s0/massagem%20nos%20p%C3%A9s.jpg',
    );
    expect(server.requests.filter((r) => r.includes('/-t3/Tt/'))).toHaveLength(1);
    expect(post).toContain('\naltTextPending: true\n');
    // The type comes from the bytes: a PNG named .jpg on Blogger is saved as .png.
    const label = await fileTypeFromBuffer(readFileSync(join(project.dir, HOME, 'label.png')));
    expect(label?.mime).toBe('image/png');
    expect(project.read('content/pages/about-our-stones.md')).toContain(
      '![A basalt quarry under a grey sky](./about-our-stones/quarry.jpg)',
    );
    expect(project.exists('content/pages/about-our-stones/quarry.jpg')).toBe(true);

    const wrong = project.read(`${WRONG}/index.md`);
    // The picture the post opened with is its hero, downloaded at full size next to it.
    expect(wrong).toContain(
      "\nhero:\n  image: ./blue-door.jpg\n  alt: The studio's blue door on a rainy morning, a bicycle chained to the railings\n",
    );
    expect(project.exists(`${WRONG}/blue-door.jpg`)).toBe(true);
    expect(server.requests).toContain('http://2.bp.blogspot.com/-door/Dd/AAAAAAAAC2k/s0/blue%2Bdoor.jpg');
    for (const kept of ['stones-close-up.jpg', 'candles.jpg', 'kettle.jpg', 'robe.jpg']) {
      expect(wrong).toContain(`](./${kept})`);
      expect(project.exists(`${WRONG}/${kept}`), kept).toBe(true);
    }
    // What could not be fetched keeps its address, upgraded to https, with the reason in the report.
    expect(wrong).toContain(
      '![The old studio on Brick Lane](https://3.bp.blogspot.com/-gone/Qq/missing/s320/old-studio.jpg)',
    );
    const entry = '"FIXTURE Cold Weather, Warm Stones: What Went Wrong" (/2021/12/what-went-wrong.html)';
    for (const [file, reason] of [
      ['missing/s320/old-studio.jpg', 'HTTP 404'],
      ['page-as-image/s1600/sign-in.jpg', 'not an image: the server sent an HTML page'],
      ['bitmap/s320/scan.bmp', 'a bmp image, which the site cannot optimise'],
      ['huge/s320/panorama.jpg', 'too big (3.0 MB; the limit is 1.0 MB)'],
      ['endless/s320/stream.jpg', 'too big (over 1.0 MB, the limit)'],
    ]) {
      expect(output).toMatch(
        new RegExp(
          `${entry.replace(/[()]/g, '\\$&')}: the image http://\\S+/${file} stays at https://\\S+: ${reason.replace(/[()]/g, '\\$&')}`,
        ),
      );
    }
    expect(output).toContain(
      `${entry}: the image https://images.example.org/charts/stone-temperature.jpg stays at https://images.example.org/charts/stone-temperature.jpg: the proxy refused to connect to the host (403)`,
    );

    const report = project.read('content/.imports/blogger-report.md');
    expect(report).toContain(
      '- content/posts/hot-stones-at-home/index.md, "FIXTURE Hot Stones at Home, Step by Step" (/2021/11/hot-stones-at-home.html)\n  - [ ] `./stones-in-bowl.jpg`\n  - [ ] `./before.jpg`\n  - [ ] `./schedule.jpg` (in HTML)\n  - [ ] `./камни-на-спине.jpg` (in HTML)',
    );
    expect(report).toContain('- [ ] content/posts/hot-stones-at-home/index.md, `./towel.jpg`: from its caption');
    expect(report).toContain('`./avvxseh7ycoilbottle.jpg`: from its title, "A bottle of cold-pressed massage oil"');
    expect(report).toContain(
      '`http://3.bp.blogspot.com/-gone/Qq/missing/s320/old-studio.jpg` → `https://3.bp.blogspot.com/-gone/Qq/missing/s320/old-studio.jpg`: HTTP 404',
    );
    // Each YouTube video's picture is downloaded as its player's poster: the large one where the
    // video has it, else hqdefault; one that has none leaves a plain box and a note, not a to-do.
    expect(server.requests).toContain('https://i.ytimg.com/vi/rHDa8Lm2PqE/maxresdefault.jpg');
    expect(server.requests).toContain('https://i.ytimg.com/vi/M7lc1UVf-VE/hqdefault.jpg');
    expect(post).toContain(
      '<img src="./youtube-rhda8lm2pqe.jpg" alt="" loading="lazy" decoding="async"><span class="play">',
    );
    expect(post).toContain('<img src="./youtube-m7lc1uvf-ve.jpg" alt=""');
    expect(post).not.toMatch(/i\.ytimg\.com|<iframe[^>]*(youtube|vimeo)/);
    expect(wrong).toContain(
      '<span class="no-poster" aria-hidden="true"><span>Video in “FIXTURE Cold Weather, Warm Stones: What Went Wrong”</span></span>',
    );
    expect(output).toContain(
      "a video's picture (https://i.ytimg.com/vi/xGone4Tq2Zs/maxresdefault.jpg) could not be downloaded (HTTP 404), so its player shows the video's title on a plain box",
    );
    expect(report).not.toContain('ytimg');
    // Nothing is left in the staging folder once the images are in place.
    expect(project.exists('content/.imports/blogger-downloads')).toBe(false);
  });

  test('a second run fetches no image it already has and changes nothing', async () => {
    const before = server.requests.length;
    const { status, output } = await importBlogger();
    expect(status, output).toBe(0);
    expect(output).toContain('images:   0 downloaded, 24 already downloaded, 7 left at their remote address');
    expect(output).toContain('Nothing changed');
    // Only the images that failed are asked for again.
    const again = server.requests.slice(before);
    expect(again.filter((r) => /stones%20in%20bowl|towel|quarry|candles|kettle/.test(r))).toEqual([]);
    expect(again.some((r) => r.includes('/missing/'))).toBe(true);
  });

  test('an image the owner deleted is fetched again; one an editor replaced is left alone', async () => {
    const towel = join(project.dir, HOME, 'towel.jpg');
    const downloaded = readFileSync(towel);
    project.run('rm', [`${HOME}/feet.jpg`]);
    project.write(`${HOME}/towel.jpg`, 'an editor’s own file');
    try {
      const before = server.requests.length;
      const { status, output } = await importBlogger();
      expect(status, output).toBe(0);
      expect(server.requests.slice(before)).toContain('https://4.bp.blogspot.com/-rel/Vv/s0/feet.jpg');
      expect(project.exists(`${HOME}/feet.jpg`)).toBe(true);
      expect(output).toContain(`${HOME}/towel.jpg: changed by an editor since the last import; left as it is`);
      expect(project.read(`${HOME}/towel.jpg`)).toBe('an editor’s own file');
    } finally {
      // The other tests read the image as downloaded.
      writeFileSync(towel, downloaded);
    }
  });
});

test('with --no-download, images keep their addresses (https) and nothing is fetched', async () => {
  const project = new ProjectCopy();
  const server = await startImageServer();
  try {
    const { status, output } = await project.runAsync(
      'node',
      ['scripts/import-blogger.ts', EXPORT, '--no-download'],
      server.env,
    );
    expect(status, output).toBe(0);
    expect(output).toContain("images:   0 downloaded, 29 left at their remote address (allowed by the site's CSP)");
    expect(server.requests).toEqual([]);
    // Each keeps the size it showed at (its attributes, or its Blogger address with the editor's
    // data-original proportions), so the page does not shift as it loads; the rest are listed.
    const post = project.read(`${HOME}/index.md`);
    expect(post).toContain(
      '<img src="https://1.bp.blogspot.com/-Xq9wT2/VZkAAA/AAAAAAAAB1s/kF3/s320/stones%20in%20bowl.JPG" width="320" height="213" alt="">',
    );
    expect(post).toContain('/w320-h213/towel.jpg" alt="Prosoape calde');
    expect(post).not.toContain('data-original');
    expect(output).toMatch(/oil%20on%20palms\.jpg: not downloaded \(--no-download\); its size is unknown/);
    expect(project.read('content/.imports/blogger-report.md')).toMatch(/\d+ of them have no known size/);
  } finally {
    await server.close();
    project.remove();
  }
});
