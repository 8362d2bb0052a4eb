import { describe, expect, test } from 'vitest';
import { escapeXml } from '../../src/lib/xml.ts';

describe('escapeXml', () => {
  test('escapes markup characters and removes characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});
