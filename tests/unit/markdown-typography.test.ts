import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { wantsPlainPunctuation, withTypographyChoice } from '../../src/integrations/markdown-typography.ts';

/** The site's processor as astro.config.ts builds it (typography on, dashes left alone). */
const processor = () =>
  withTypographyChoice(satteri({ features: { smartPunctuation: { quotes: true, ellipses: true, dashes: false } } }));

const TEXT = `She said "breathe" -- it's 'slow'... then \`don't "touch"...\` this.\n`;

describe('typography per entry (typography: false keeps the characters as typed)', () => {
  test('a Markdown entry gets curled quotes and an ellipsis unless its frontmatter says typography: false; code never changes', async () => {
    const renderer = await processor().createRenderer({});
    const smart = (await renderer.render(TEXT, { frontmatter: {} })).code;
    expect(smart).toContain('She said “breathe” -- it’s ‘slow’… then');
    const plain = (await renderer.render(TEXT, { frontmatter: { typography: false } })).code;
    expect(plain).toMatch(
      /She said (?:"|&quot;)breathe(?:"|&quot;) -- it(?:'|&#x27;)s (?:'|&#x27;)slow(?:'|&#x27;)\.\.\. then/,
    );
    for (const html of [smart, plain])
      expect(html).toMatch(/<code>don(?:'|&#x27;)t (?:"|&quot;)touch(?:"|&quot;)\.\.\.<\/code>/);
  });

  test('an MDX entry follows its frontmatter the same way', async () => {
    const renderer = await processor().createMdxRenderer!({}, { optimize: false } as never);
    const compile = async (frontmatter: Record<string, unknown>) =>
      (await renderer.process(TEXT, '/tmp/typography-test.mdx', frontmatter)).code;
    expect(await compile({})).toContain('“breathe”');
    const plain = await compile({ typography: false });
    expect(plain).not.toMatch(/[“”‘’…]/);
    expect(plain).toContain('breathe');
  });

  test('only an explicit false turns typography off', () => {
    expect(wantsPlainPunctuation({ typography: false })).toBe(true);
    for (const value of [undefined, null, {}, { typography: true }, { typography: 'false' }, { typography: 0 }]) {
      expect(wantsPlainPunctuation(value), JSON.stringify(value)).toBe(false);
    }
  });
});
