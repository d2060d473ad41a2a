import { describe, expect, test } from 'vitest';
import { append } from './append';

describe('append', () => {
  test('a new array of one for no list or an empty one (a frozen empty list is not pushed to); the list itself otherwise', () => {
    expect(append(undefined, 1)).toEqual([1]);
    const frozen = Object.freeze([]) as unknown as number[];
    expect(append(frozen, 2)).toEqual([2]);
    expect(frozen).toEqual([]);
    const list = [1];
    expect(append(list, 2)).toBe(list);
    expect(list).toEqual([1, 2]);
  });
});
