/**
 * linalg's hooks: the size check and the poll it calls, which a run replaces (src/budget.ts does,
 * when it loads) and which by default keep linalg safe on its own. This file loads nothing that
 * loads src/budget.ts (not even ../helpers.js), so the defaults are the ones in force here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../../src/errors.js';
import { DEFAULT_HOOKS, DEFAULT_MAX_ELEMENTS, installHooks, poll } from '../../../src/linalg/hooks.js';
import { MAX_ELEMENTS, checkSize, fromRows, zeros } from '../../../src/linalg/mat.js';
import { eigvals } from '../../../src/linalg/eigvals.js';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

/** A cyclic permutation: its eigenvalues are the 6th roots of unity, which takes QR sweeps. */
const CYCLE = fromRows(
  Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (j === (i + 1) % 6 ? 1 : 0))),
);

afterEach(() => installHooks(DEFAULT_HOOKS));

describe('the default hooks', () => {
  it('refuse more than the default number of entries, as a limit naming the size', () => {
    expect(MAX_ELEMENTS).toBe(DEFAULT_MAX_ELEMENTS);
    expect(() => checkSize(DEFAULT_MAX_ELEMENTS, 1)).not.toThrow();
    const e = thrown(() => zeros(DEFAULT_MAX_ELEMENTS + 1, 1));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect((e as LimitExceeded).limit).toBe('elements');
    expect(e.message).toBe(
      `matrix of ${DEFAULT_MAX_ELEMENTS + 1}×1 exceeds the limit of ${DEFAULT_MAX_ELEMENTS} entries`,
    );
  });

  it('poll does nothing', () => {
    expect(() => poll()).not.toThrow();
    expect(eigvals(CYCLE).rows).toBe(6);
  });
});

describe('installed hooks', () => {
  it('replace the size check for every allocation', () => {
    const seen: string[] = [];
    installHooks({ checkElements: (r, c, what) => void seen.push(`${what} ${r}×${c}`), poll: () => {} });
    zeros(2, 3);
    checkSize(5, 7, 'the product');
    expect(seen).toEqual(['matrix 2×3', 'the product 5×7']);
    // the installed check alone decides: a size over the default passes when it says so
    expect(() => checkSize(DEFAULT_MAX_ELEMENTS + 1, 1)).not.toThrow();
  });

  it('replace the poll that long loops call, which may stop them', () => {
    let polls = 0;
    installHooks({ ...DEFAULT_HOOKS, poll: () => void polls++ });
    eigvals(CYCLE);
    expect(polls).toBeGreaterThan(0);
    installHooks({
      ...DEFAULT_HOOKS,
      poll: () => {
        throw new LimitExceeded('timeoutMs', 'out of time');
      },
    });
    expect(thrown(() => eigvals(CYCLE))).toBeInstanceOf(LimitExceeded);
  });
});
