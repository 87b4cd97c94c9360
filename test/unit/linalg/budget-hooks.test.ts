/**
 * src/budget.ts installs the run's limits into linalg when it loads: the size check follows the
 * budget's `elements` limit (the default outside a budget) and the poll its deadline.
 */
import { describe, expect, it } from 'vitest';
import { withBudget } from '../../../src/budget.js';
import { LimitExceeded } from '../../../src/errors.js';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { DEFAULT_MAX_ELEMENTS } from '../../../src/linalg/hooks.js';
import { zeros } from '../../../src/linalg/mat.js';
import { eigvals } from '../../../src/linalg/eigvals.js';
import { randomMat, thrown } from '../helpers.js';

describe("the budget's hooks", () => {
  it('refuse what the default limits refuse outside a budget, naming the flag that raises it', () => {
    expect(DEFAULT_LIMITS.elements).toBe(DEFAULT_MAX_ELEMENTS);
    const e = thrown(() => zeros(DEFAULT_MAX_ELEMENTS + 1, 1));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect(e.message).toBe(
      `matrix of ${DEFAULT_MAX_ELEMENTS + 1}×1 exceeds the limit of ${DEFAULT_MAX_ELEMENTS} entries (raise it with --limit elements=N)`,
    );
  });

  it("follow the budget's elements limit inside it", () => {
    const limits = { ...DEFAULT_LIMITS, elements: 10 };
    expect(thrown(() => withBudget(limits, () => zeros(3, 4)))).toBeInstanceOf(LimitExceeded);
    const raised = { ...DEFAULT_LIMITS, elements: DEFAULT_MAX_ELEMENTS * 2 };
    expect(withBudget(raised, () => zeros(DEFAULT_MAX_ELEMENTS + 1, 1)).rows).toBe(DEFAULT_MAX_ELEMENTS + 1);
  });

  it("stop a long loop once the budget's time is up", () => {
    const e = thrown(() => withBudget(DEFAULT_LIMITS, () => eigvals(randomMat(40, 40, 'budget-eig')), -1));
    expect(e).toBeInstanceOf(LimitExceeded);
    expect((e as LimitExceeded).limit).toBe('timeoutMs');
  });
});
