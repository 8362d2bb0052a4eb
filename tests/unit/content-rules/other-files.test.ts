import { describe, expect, test } from 'vitest';
import { otherFiles } from '../../../src/lib/content-rules/other-files.ts';
import { run } from './helpers.ts';

const file = (path: string, text: string) => ({ path, entry: path.replace(/^content\/\w+\//, ''), text });

describe('other-files', () => {
  test('an author file with a misspelt field is named with its line', () => {
    const authors = [
      file('content/authors/ann.yaml', 'name: Ann\nbio: Massage therapist.\nurll: https://ann.example.net\n'),
    ];
    expect(run(otherFiles, { authors })[0]).toMatch(/^content\/authors\/ann\.yaml:3: urll: not a field of an author/);
  });

  test('a page without a title says so', () => {
    const pages = [file('content/pages/about.md', '---\ndescription: About us.\n---\n\nHello.\n')];
    expect(run(otherFiles, { pages })).toEqual(['content/pages/about.md:1: title: missing; a page needs "title"']);
  });

  test('a valid author is fine', () => {
    expect(run(otherFiles, { authors: [file('content/authors/ann.yaml', 'name: Ann\nbio: Therapist.\n')] })).toEqual(
      [],
    );
  });
});
