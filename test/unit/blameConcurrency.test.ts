import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blameConcurrency } from '../../src/core/git/blame';

describe('blame concurrency', () => {
  it('one blame per core, at least 2, at most 8', () => {
    assert.deepEqual([1, 2, 3, 4, 16, 64, Number.NaN, 0].map((c) => blameConcurrency(c)), [2, 2, 3, 4, 8, 8, 2, 2]);
    assert.ok(blameConcurrency() >= 2 && blameConcurrency() <= 8);
  });
});
