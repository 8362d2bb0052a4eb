import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTENT_RULES } from '../../../src/lib/content-check.ts';

const RULES_DIR = new URL('../../../src/lib/content-rules/', import.meta.url);
const HELPERS = new Set(['types', 'index', 'body-urls', 'schema-problems']);

describe('the list of content rules', () => {
  const ruleFiles = readdirSync(RULES_DIR)
    .map((name) => name.replace(/\.ts$/, ''))
    .filter((name) => !HELPERS.has(name))
    .sort();

  test('every rule file is in CONTENT_RULES under its file name, once', () => {
    expect(CONTENT_RULES.map((rule) => rule.name).sort()).toEqual(ruleFiles);
  });

  test('every rule has a test file of its own', () => {
    const tests = new Set(readdirSync(new URL('.', import.meta.url)).map((name) => name.replace(/\.test\.ts$/, '')));
    expect(ruleFiles.filter((name) => !tests.has(name))).toEqual([]);
  });

  test('every rule says what it checks', () => {
    for (const rule of CONTENT_RULES) expect(rule.checks.length, rule.name).toBeGreaterThan(20);
  });
});
