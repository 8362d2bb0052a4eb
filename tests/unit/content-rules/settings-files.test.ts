import { describe, expect, test } from 'vitest';
import { settingsFiles } from '../../../src/lib/content-rules/settings-files.ts';
import { run } from './helpers.ts';

describe('settings-files', () => {
  test('a favicon that is not in public/ is named with the setting', () => {
    expect(run(settingsFiles, { settingsFiles: { favicon: '/favicon.svg', 'logo.src': undefined } })).toEqual([
      'src/site.config.ts: favicon: /favicon.svg is not in public/; put the file at public/favicon.svg or fix the path',
    ]);
  });

  test('files that are in public/ are fine', () => {
    expect(run(settingsFiles, { settingsFiles: { favicon: '/f.svg' }, staticPaths: new Set(['/f.svg']) })).toEqual([]);
  });
});
