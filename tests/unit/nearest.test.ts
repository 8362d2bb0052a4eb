import { describe, expect, test } from 'vitest';
import { closestByEdits, isOneSwapAway } from '../../src/lib/nearest.ts';

describe('closestByEdits', () => {
  test('gives the candidate fewest edits away, the first of equals, with the count', () => {
    expect(closestByEdits('/archve/', ['/about/', '/archive/', '/search/'])).toEqual({
      candidate: '/archive/',
      edits: 1,
    });
    expect(closestByEdits('cat', ['bat', 'hat'])).toEqual({ candidate: 'bat', edits: 1 });
    expect(closestByEdits('按摩', ['按摩入门', '足疗'])).toEqual({ candidate: '按摩入门', edits: 2 });
  });

  test('compares as given (case counts) and has nothing to give without candidates', () => {
    expect(closestByEdits('Title', ['title'])?.edits).toBe(1);
    expect(closestByEdits('title', [])).toBeUndefined();
  });
});

describe('isOneSwapAway', () => {
  test.each([
    ['nmae', 'name', true],
    ['tilte', 'title', true],
    ['ab', 'ba', true],
    ['ölmasage', 'ölmsaage', true],
    ['name', 'name', false],
    ['amne', 'name', false],
    ['nmea', 'name', false],
    ['names', 'name', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isOneSwapAway(a, b)).toBe(expected);
  });
});
