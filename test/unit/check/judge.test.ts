import { describe, expect, it } from 'vitest';
import { judge, MISMATCH_OVER_NOISE, NOISE_MARGIN } from '../../../src/check/trial/judge.js';
import type { TrialOutcome } from '../../../src/check/trial/outcome.js';
import { fromRows } from '../../../src/linalg/mat.js';

const tolerance = { rtol: 1e-6, atol: 1e-9 };
const criterion = { tolerance, atolChosen: false };
const sides = ['expect', 'numeric'] as const;

function compare(analytic: number, numeric: number, noise: number | null): TrialOutcome {
  return {
    type: 'compare',
    analytic: fromRows([[analytic]]),
    numeric: fromRows([[numeric]]),
    noise: () => noise,
    probes: false,
  };
}

describe('judge', () => {
  it('passes a match and names the worst entry of a mismatch', () => {
    expect(judge(compare(1, 1 + 1e-9, 1e-12), criterion, sides).status).toBe('pass');
    const j = judge(compare(1.001, 1, 1e-12), criterion, sides);
    expect(j.status).toBe('fail');
    expect(j.undecided).toBeNull();
    expect(j.reason).toBe('mismatch 1.0e-3 at (1,1), the entry furthest outside tolerance: expect 1.00100, numeric 1');
  });

  it('leaves a mismatch undecided when the noise is too high to resolve the tolerance', () => {
    const allowed = tolerance.atol + tolerance.rtol;
    const noisy = (allowed / NOISE_MARGIN) * 2;
    const j = judge(compare(1 + 2 * allowed, 1, noisy), criterion, sides);
    expect(j.status).toBe('fail');
    expect(j.undecided).toMatch(/too noisy to decide/);
  });

  it('trusts a mismatch that dwarfs the noise, however noisy the draw', () => {
    const allowed = tolerance.atol + tolerance.rtol;
    const noise = allowed;
    const j = judge(compare(1 + 2 * MISMATCH_OVER_NOISE * noise, 1, noise), criterion, sides);
    expect(j.undecided).toBeNull();
  });

  it('redraws a kink and passes errors and failures through with their message', () => {
    expect(judge({ type: 'kink' }, criterion, sides).undecided).toMatch(/kink/);
    expect(judge({ type: 'error', message: 'boom' }, criterion, sides)).toMatchObject({
      status: 'error',
      reason: 'boom',
    });
    expect(judge({ type: 'fail', message: 'NaN' }, criterion, sides)).toMatchObject({ status: 'fail', reason: 'NaN' });
  });

  it('never passes values below the default atol on atol alone: a sign error at 1e-11 fails', () => {
    const j = judge(compare(-3e-11, 3e-11, 1e-25), criterion, sides);
    expect(j.status).toBe('fail');
    expect(j.undecided).toBeNull();
    expect(j.note).toBe('every value lies below atol 1e-9: compared at their own scale');
    expect(judge(compare(3e-11 * (1 + 1e-8), 3e-11, 1e-25), criterion, sides).status).toBe('pass');
  });

  it('passes a zero expect where the numeric side is at its noise, and leaves the rest undecided', () => {
    expect(judge(compare(0, 2e-13, 1e-13), criterion, sides).status).toBe('pass');
    const j = judge(compare(2e-12, 1.5e-12, 1e-13), criterion, sides);
    expect(j.undecided).toMatch(/rescale f/);
  });

  it('honours an atol that was chosen, with a note', () => {
    const j = judge(compare(-3e-11, 3e-11, 1e-25), { tolerance, atolChosen: true }, sides);
    expect(j.status).toBe('pass');
    expect(j.note).toMatch(/chosen atol/);
  });

  it('leaves a draw undecided where the noise exceeds the value, however large the mismatch', () => {
    // The near-singular X + A of the issue: numeric 1.2e6, noise 3e8, expect 3e10.
    const j = judge(compare(3e10, 1.2e6, 3e8), criterion, sides);
    expect(j.status).toBe('fail');
    expect(j.undecided).toMatch(/unreliable on this draw/);
    // Rounding at an entry that is zero is not that: a wrong value there fails.
    const zero: TrialOutcome = {
      type: 'compare',
      analytic: fromRows([[1], [0.5]]),
      numeric: fromRows([[1], [0]]),
      noise: () => 1e-13,
      probes: false,
    };
    expect(judge(zero, criterion, sides).undecided).toBeNull();
  });
});
