import { describe, expect, test } from 'vitest';
import { getPostCardInput, getSiteCardInput, readPageCard } from '../../src/lib/social-card-input.ts';
import { SITE } from '../../src/site.config.ts';

describe('readPageCard', () => {
  const head = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    '<meta property="og:title" content="L&#39;huile d&apos;amande &amp; le massage «&nbsp;suédois&nbsp;»">',
    '<meta property="og:image" content="https://massage-wellness.example/social/posts/l-huile.png">',
    '<meta property="article:section" content="Review">',
    '<meta property="article:tag" content="reviews">',
    '<meta property="article:tag" content="Schulter&shy;massage">',
    '<meta property="article:tag" content="東京">',
    '</head><body><meta property="og:image" content="https://elsewhere.example/x.png"></body></html>',
  ].join('\n');

  test('reads the shared image, the title, the section and the tags in order, with references decoded', () => {
    expect(readPageCard(head)).toEqual({
      image: 'https://massage-wellness.example/social/posts/l-huile.png',
      title: 'L\u0027huile d\u0027amande & le massage «\u00a0suédois\u00a0»',
      section: 'Review',
      tags: ['reviews', 'Schulter\u00admassage', '東京'],
    });
  });

  test('stops at the end of the head, and names nothing for a page that shares no image', () => {
    expect(
      readPageCard(
        '<html><head><title>404</title></head><body><meta property="og:image" content="/x.png"></body></html>',
      ),
    ).toBeUndefined();
  });
});

describe('getPostCardInput', () => {
  test('shows the section as the label and the first tag that does not echo it', () => {
    expect(
      getPostCardInput({ title: 'Ein Test', section: 'Review', tags: ['Reviews', 'review', 'Hamburg'] }, SITE),
    ).toEqual({
      title: 'Ein Test',
      label: 'Review',
      tag: 'Hamburg',
      siteName: SITE.title,
      siteHost: new URL(SITE.url).host,
    });
  });

  test('shows no tag when every tag echoes the label', () => {
    expect(getPostCardInput({ title: 'x', section: 'Article', tags: ['articles'] }, SITE).tag).toBeUndefined();
  });
});

test('the site card shows the site name and its description', () => {
  expect(getSiteCardInput(SITE)).toMatchObject({ title: SITE.title, subtitle: SITE.description });
});
