/**
 * An embed the site cannot show in place (a frame from an unknown host, a remote video or sound
 * file, a video hosted by Blogger, a Google Maps map) becomes a link; inside a line of text it stays
 * part of that line, with the spaces around it, instead of a paragraph in a paragraph that ran the
 * words together ("Chart:[…]as shown.").
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

describe('an embed turned into a link inside a line of text keeps its place in the line', () => {
  test.each([
    [
      'a frame from an unknown host',
      '<p>Chart: <iframe src="http://charts.example.net/c/1"></iframe> as shown.</p>',
      'Chart: [Embedded content from charts.example.net](https://charts.example.net/c/1) as shown.\n',
    ],
    [
      'a remote video',
      '<p>Clip: <video src="http://media.example.org/a.mp4"></video> end.</p>',
      'Clip: [Watch the video (a.mp4, on media.example.org)](https://media.example.org/a.mp4) end.\n',
    ],
    [
      'a plug-in that played a sound file, in bold',
      '<p><b>Listen: <embed src="http://www.example.org/audio/track.mp3"> now</b></p>',
      '**Listen: [Listen to the recording (track.mp3, on www.example.org)](https://www.example.org/audio/track.mp3) now**\n',
    ],
    [
      'a Google Maps map',
      '<p>Here: <iframe src="http://maps.google.com/maps?q=Bath&amp;output=embed"></iframe> see you.</p>',
      'Here: [Bath on Google Maps](https://maps.google.com/maps?q=Bath) see you.\n',
    ],
  ])('%s', (_name, html, markdown) => {
    const converted = htmlToMarkdown(html);
    expect(converted.markdown).toBe(markdown);
    expect(converted.notes).toHaveLength(1);
  });

  test('a video hosted by Blogger, in a line', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Our film: <iframe src="https://www.blogger.com/video.g?token=AD6v5dzWo_c_9RZ3gKCixrCKxUidiB7jVhLO2IQiubu7W57TzaZstrcUskB4CXe4B6UbGqu8c3CMPgCw"></iframe> (2015).</p>',
    );
    expect(markdown).toMatch(
      /^Our film: \[Watch this video on the old blog \(a video hosted by Blogger\)\]\(https:\/\/www\.blogger\.com\/video\.g\?token=AD6v5[^)]*\) \(2015\)\.\n$/,
    );
  });

  test('on a line of its own, it is still a paragraph', () => {
    expect(htmlToMarkdown('<div><iframe src="http://charts.example.net/c/1"></iframe></div>').markdown).toBe(
      '[Embedded content from charts.example.net](https://charts.example.net/c/1)\n',
    );
    expect(
      htmlToMarkdown('<p>Before.</p><iframe src="http://charts.example.net/c/1"></iframe><p>After.</p>').markdown,
    ).toBe('Before.\n\n[Embedded content from charts.example.net](https://charts.example.net/c/1)\n\nAfter.\n');
  });
});
