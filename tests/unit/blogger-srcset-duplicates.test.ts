/**
 * An image whose srcset offers two pictures for one descriptor (`a.jpg 1x, b.jpg 1x`, `a.jpg 800w,
 * b.jpg 800w`, or `a.jpg, b.jpg 1x`, where no descriptor means 1x) is invalid HTML: the import keeps
 * the first candidate of each descriptor, the one browsers show, and says which it dropped.
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { oneCandidatePerDescriptor } from '../../src/lib/blogger/html-images.ts';

describe('oneCandidatePerDescriptor', () => {
  test.each([
    ['a.jpg 1x, b.jpg 1x', 'a.jpg 1x', ['b.jpg 1x']],
    ['a.jpg 800w, b.jpg 800w, c.jpg 1600w', 'a.jpg 800w, c.jpg 1600w', ['b.jpg 800w']],
    ['a.jpg, b.jpg 1x, c.jpg 2x', 'a.jpg 1x, c.jpg 2x', ['b.jpg 1x']],
    ['a.jpg 1.0x, b.jpg 1x, c.jpg 2x, d.jpg 2.0x', 'a.jpg 1x, c.jpg 2x', ['b.jpg 1x', 'd.jpg 2x']],
    // A comma inside an address is part of it (the HTML standard's algorithm).
    [
      'https://cdn.example.org/w=800,q=80/a.jpg 800w, https://cdn.example.org/w=800,q=60/a.jpg 800w',
      'https://cdn.example.org/w=800,q=80/a.jpg 800w',
      ['https://cdn.example.org/w=800,q=60/a.jpg 800w'],
    ],
  ])('%j keeps %j and drops %j', (srcset, kept, dropped) => {
    const result = oneCandidatePerDescriptor(srcset);
    expect(result?.srcset).toBe(kept);
    expect(result?.dropped.map((candidate) => `${candidate.source} ${candidate.descriptor}`)).toEqual(dropped);
  });

  test('a valid srcset is returned as written, with nothing dropped', () => {
    const srcset = 'a.jpg  320w,b.jpg 640w';
    expect(oneCandidatePerDescriptor(srcset)).toEqual({ srcset, dropped: [] });
  });

  test('a srcset that cannot be read is undefined, and never throws', () => {
    expect(oneCandidatePerDescriptor(' , ')).toBeUndefined();
    expect(oneCandidatePerDescriptor('a.jpg 800q')).toBeUndefined();
  });
});

// A remote image with a size stays HTML, with its srcset (an image in Markdown syntax has none).
describe('an imported image with two candidates for one descriptor', () => {
  test.each([
    ['density', 'https://example.org/a.jpg 1x, https://example.org/b.jpg 1x', 'https://example.org/a.jpg 1x'],
    ['width', 'https://example.org/a.jpg 800w, https://example.org/b.jpg 800w', 'https://example.org/a.jpg 800w'],
  ])('by %s: keeps the first, and the notes name the one dropped', (_kind, srcset, kept) => {
    const { markdown, notes } = htmlToMarkdown(
      `<p>Lavender:</p><p><img src="https://example.org/a.jpg" srcset="${srcset}" sizes="100vw" width="400" height="300" alt="Lavender"></p>`,
    );
    expect(markdown).toContain(`srcset="${kept}"`);
    expect(markdown).not.toContain('b.jpg');
    expect(notes).toEqual([
      {
        kind: 'srcset',
        message: expect.stringContaining('https://example.org/b.jpg'),
      },
    ]);
    expect(notes[0]!.message).toContain('https://example.org/a.jpg');
  });

  test('a lazy image’s data-srcset is mended the same way, and its first largest candidate is downloaded', () => {
    const { images, notes } = htmlToMarkdown(
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="https://example.org/a-800.jpg 800w, https://example.org/b-800.jpg 800w, https://example.org/a-400.jpg 400w" alt="Feet">',
      { imageSrc: () => './a-800.jpg' },
    );
    expect(images.map((image) => image.source)).toEqual(['https://example.org/a-800.jpg']);
    expect(notes.filter((note) => note.kind === 'srcset')).toHaveLength(1);
  });

  test('a srcset with one candidate per descriptor is kept as it was, without a note', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p><img src="https://example.org/a.jpg" srcset="https://example.org/a.jpg 1x, https://example.org/a2.jpg 2x" width="400" height="300" alt="Feet"></p>',
    );
    expect(markdown).toContain('srcset="https://example.org/a.jpg 1x, https://example.org/a2.jpg 2x"');
    expect(notes).toEqual([]);
  });
});
