"""Expected style-controlled scores from LMArena's own code, for core/ranking/math/style-lmarena.test.ts.

Runs FastChat's fastchat/serve/monitor/rating_systems.py (passed by path, not copied here) on synthetic battles and
writes the battles and LMArena's results to a JSON fixture. Needs numpy and scipy; pandas and tqdm are only used by
functions this script does not call, so they are stubbed.

    python3 tools/lmarena-reference/style.py PATH/TO/rating_systems.py core/ranking/math/lmarena-style.fixture.json
"""
import importlib.util
import json
import math
import sys
import types

import numpy as np

for name in ("pandas", "tqdm"):
    stub = types.ModuleType(name)
    stub.tqdm = lambda x, **k: x
    sys.modules.setdefault(name, stub)

spec = importlib.util.spec_from_file_location("rating_systems", sys.argv[1])
rs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rs)

rng = np.random.default_rng(20261206)
models = [f"m{i}" for i in range(8)]
strength = np.array([1.0, 0.6, 0.4, 0.2, 0.0, -0.2, -0.5, -0.9])
verbose = np.array([2.0, 1.0, 1.0, 0.6, 1.5, 0.8, 1.0, 0.7])  # reply length multipliers: m0 and m4 are wordy

battles = []  # one per battle: both sides' style and the votes
rows_a, rows_b, outcomes, style_rows = [], [], [], []
for b in range(3000):
    i, j = rng.choice(8, size=2, replace=False)
    def side(k):
        return {
            "length": int(rng.integers(200, 600) * verbose[k]),
            "headers": int(rng.integers(0, 4) if k in (0, 3) else rng.integers(0, 2)),
            "lists": int(rng.integers(0, 8)),
            "bold": int(rng.integers(0, 5) if k == 0 else rng.integers(0, 2)),
        }
    sa, sb = side(i), side(j)
    x = (sa["length"] - sb["length"]) / (sa["length"] + sb["length"] + 1)
    logit = strength[i] - strength[j] + 2.5 * x + 0.15 * (sa["headers"] - sb["headers"])
    p = 1 / (1 + math.exp(-logit))
    votes = {"a": 0, "b": 0, "tie": 0}
    for _ in range(int(rng.integers(1, 4))):
        u = rng.random()
        o = "tie" if u < 0.1 else ("a" if rng.random() < p else "b")
        votes[o] += 1
        rows_a.append(i)
        rows_b.append(j)
        outcomes.append(1.0 if o == "a" else 0.0 if o == "b" else 0.5)
        style_rows.append([sa["length"], sa["headers"], sa["lists"], sa["bold"], sb["length"], sb["headers"], sb["lists"], sb["bold"]])
    # Compact: [model a, model b, style a, style b, [votes a, votes b, ties]] (style as length, headers, lists, bold).
    battles.append([models[i], models[j], list(sa.values()), list(sb.values()), [votes["a"], votes["b"], votes["tie"]]])

# preprocess_for_style, as written in rating_systems.py, without pandas: matchups by order of first appearance
# (pd.factorize over model_a then model_b), diff / (sum + 1) for every feature, standardised with np.std.
order = {}
for k in rows_a + rows_b:
    order.setdefault(k, len(order))
names = [models[k] for k in sorted(order, key=order.get)]
matchups = np.column_stack([[order[k] for k in rows_a], [order[k] for k in rows_b]])
style_vector = np.array(style_rows, dtype=np.int32).T
k = 4
style_diff = (style_vector[:k] - style_vector[k:]).astype(float)
style_sum = (style_vector[:k] + style_vector[k:]).astype(float) + 1
style_diff /= style_sum
features = ((style_diff - style_diff.mean(axis=1)[:, None]) / style_diff.std(axis=1)[:, None]).T
outcomes = np.array(outcomes)

params = rs.fit_contextual_bt(matchups, features, outcomes, models=names, alpha=math.log(10.0), reg=0.5, tol=1e-6)
ratings = rs.scale_and_offset(params[: len(names)], names, 400, 1000.0)
coef = params[len(names):]

# Plain Bradley–Terry (compute_bt's fit) on the same votes, for reference.
schedule = np.column_stack([matchups, (outcomes * 2).astype(np.int32)])
uniq, weights = np.unique(schedule, return_counts=True, axis=0)
plain = rs.fit_bt(uniq[:, :2], uniq[:, 2].astype(np.float64) / 2.0, weights.astype(np.float64), len(names), math.log(10.0), 1e-6)
plain = rs.scale_and_offset(plain, names, 400, 1000.0)

json.dump(
    {
        "source": "FastChat fastchat/serve/monitor/rating_systems.py: fit_contextual_bt (reg=0.5), fit_bt, scale_and_offset",
        "battles": battles,
        "lmarena": {
            "style": {n: float(r) for n, r in zip(names, ratings)},
            "coefficients": {f: float(c) for f, c in zip(["length", "headers", "lists", "bold"], coef)},
            "plain": {n: float(r) for n, r in zip(names, plain)},
        },
    },
    open(sys.argv[2], "w"),
    separators=(",", ":"),
)
