import { describe, expect, test } from 'vitest';
import { mdxComponents } from '../../../src/lib/content-rules/mdx-components.ts';
import type { SourceFile } from '../../../src/lib/content-check.ts';
import { post, run } from './helpers.ts';

const VIDEOS: SourceFile[] = [
  { path: 'content/videos/breathing-pace-guide.yaml', entry: 'breathing-pace-guide.yaml', text: 'title: x\n' },
];

/** The problems of one .mdx post with this body (its line 9 is the body's first line). */
function check(body: string): string[] {
  return run(mdxComponents, { posts: [post('x/index.mdx', '', body)], videos: VIDEOS });
}

const FILE = 'content/posts/x/index.mdx';

describe('mdx-components', () => {
  test('components written as they take them give no problem', () => {
    expect(
      check(
        [
          '<Callout type="tip" title="Before you start">Drink water.</Callout>',
          '',
          '<Callout>No type: a note.</Callout>',
          '',
          '<Figure caption="The room.">',
          '',
          '![A room](./room.jpg)',
          '',
          '</Figure>',
          '',
          '<ReviewSummary subject="Ann" area="Soho" city="London" services="Mobile massage, Body massage" rating={5} visitDate="2024-03-09" />',
          '',
          '<Video id="breathing-pace-guide" />',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  test('a wrong callout type names the file, the line, the prop and the fix', () => {
    expect(check('Some text.\n\n<Callout type="warning">Careful.</Callout>')).toEqual([
      `${FILE}:11: <Callout type>: "warning" is not one of tip, note, caution; write type="caution"`,
    ]);
  });

  test('every problem of a file is reported at once, each on its own line', () => {
    const lines = check(
      [
        '<Callout type="danger">A.</Callout>',
        '',
        '<ReviewSummary subject="Ann" area="Soho" city="London" services="Massage" rating={7} visitDate="2024-13-45" />',
        '',
        '<Video id="no-such-video" />',
        '',
        '<Figure>',
        '',
        '![A room](./room.jpg)',
        '',
        '</Figure>',
      ].join('\n'),
    );
    expect(lines).toEqual([
      `${FILE}:9: <Callout type>: "danger" is not one of tip, note, caution; write type="caution"`,
      `${FILE}:11: <ReviewSummary rating>: the rating must be from 1 to 5`,
      expect.stringMatching(
        /^content\/posts\/x\/index\.mdx:11: <ReviewSummary visitDate>: "2024-13-45" is not a date; /,
      ),
      `${FILE}:13: <Video id>: there is no video "no-such-video" (no content/videos/no-such-video.yaml); use one of "breathing-pace-guide", or add content/videos/no-such-video.yaml`,
      `${FILE}:15: <Figure caption>: a figure needs a caption; write <Figure caption="What the picture shows.">, or use plain Markdown for an image without one`,
    ]);
  });

  test('attributes on several lines and in single quotes: the line is where the element starts', () => {
    expect(check("Intro.\n\n<Callout\n  title='Careful'\n  type='warn'\n>\n  Text.\n</Callout>")).toEqual([
      `${FILE}:11: <Callout type>: "warn" is not one of tip, note, caution; write type="caution"`,
    ]);
  });

  test('a component inside a list item and one with Chinese text are checked too', () => {
    expect(
      check('- one\n- two <Callout type="info">小心</Callout>\n\n<Callout type="提示">按摩前请喝水。</Callout>'),
    ).toEqual([
      `${FILE}:10: <Callout type>: "info" is not one of tip, note, caution; write type="note"`,
      `${FILE}:12: <Callout type>: "提示" is not one of tip, note, caution; write type="note"`,
    ]);
  });

  test('a component inside a JSX comment is not read', () => {
    expect(check('{/* <Callout type="warning">old</Callout> <Callot /> */}\n\nText.')).toEqual([]);
  });

  test('a misspelt component name is named with the one meant', () => {
    expect(check('<Callot type="tip">A.</Callot>\n\n<ReviewBox rating={5} />\n\n<Youtube id="x" />')).toEqual([
      `${FILE}:9: <Callot>: there is no component Callot; write <Callout> (the components are Callout, Figure, ReviewSummary, Video)`,
      `${FILE}:11: <ReviewBox>: there is no component ReviewBox; write <ReviewSummary> (the components are Callout, Figure, ReviewSummary, Video)`,
    ]);
  });

  test('an unknown prop is named, with the prop meant', () => {
    expect(check('<Callout tyep="tip">A.</Callout>\n\n<Video id="breathing-pace-guide" autoplay />')).toEqual([
      `${FILE}:9: <Callout tyep>: Callout has no prop "tyep"; write type=`,
      `${FILE}:11: <Video autoplay>: Video has no prop "autoplay"; its props are id`,
    ]);
  });

  test('a near video id is suggested', () => {
    expect(check('<Video id="breathing-pace-guid" />')).toEqual([
      `${FILE}:9: <Video id>: there is no video "breathing-pace-guid" (no content/videos/breathing-pace-guid.yaml); write id="breathing-pace-guide"`,
    ]);
  });

  test('an expression the check cannot evaluate is left to the component', () => {
    expect(
      check(
        'export const stars = 4;\n\n<ReviewSummary subject="Ann" area="Soho" city="London" services={["A", "B"]} rating={stars} visitDate="2024-03-09" />\n\n<Callout type={kind}>A.</Callout>',
      ),
    ).toEqual([]);
  });

  test('a Markdown post and an imported component are left alone', () => {
    expect(run(mdxComponents, { posts: [post('y/index.md', '', '<Callout type="warning">A.</Callout>')] })).toEqual([]);
    expect(check("import Callouts from '../../x.astro';\n\n<Callouts />")).toEqual([]);
  });
});
