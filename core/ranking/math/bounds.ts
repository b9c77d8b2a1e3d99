// A model that only won (or only lost) against a group has no finite maximum-likelihood score, and a bootstrap
// interval around a prior-held number means nothing. What the data do say is a one-sided bound: the lowest strength
// at which winning every one of those votes is still plausible — P(all wins | s) = α — found by inverting that exact
// test against the group's fitted strengths.

/**
 * The strength s (natural-log scale) with Π σ(±(s − θj))^nj = alpha: a lower bound for a model that won all its
 * `votes[j]` votes against strengths `theta[j]`, an upper bound for one that lost them all.
 */
export function oneSidedBound(theta: ArrayLike<number>, votes: ArrayLike<number>, side: 'lower' | 'upper', alpha: number): number {
  const target = Math.log(alpha);
  const sign = side === 'lower' ? 1 : -1;
  // log P(all votes go the observed way | s): increasing in sign·s.
  const logP = (s: number) => {
    let f = 0;
    for (let j = 0; j < theta.length; j++) {
      const d = sign * (s - theta[j]!);
      f -= votes[j]! * (d > 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d)));
    }
    return f;
  };
  let lo = Math.min(...Array.from(theta)) - 60;
  let hi = Math.max(...Array.from(theta)) + 60;
  if (sign < 0) [lo, hi] = [hi, lo];
  // Bisection: lo gives logP below the target, hi above it.
  for (let it = 0; it < 200 && Math.abs(hi - lo) > 1e-9; it++) {
    const mid = (lo + hi) / 2;
    if (logP(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
