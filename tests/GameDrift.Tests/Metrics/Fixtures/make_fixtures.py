#!/usr/bin/env python3
"""Regenerates the numpy-made fixtures of the metrics tests.

Needs numpy and scipy (Debian: apt-get install python3-numpy python3-scipy). Run from this
folder: python3 make_fixtures.py. The outputs are committed; CI never runs this script.

The golden values are computed independently of the C# code: FID through scipy.linalg.sqrtm
(the pytorch-fid route), covariance through numpy.cov, IS and KID with plain numpy following
the published formulas and torch-fidelity's sampling conventions (RandomState(seed)).
"""
import io

import numpy as np
import scipy.linalg


def save_npy(name, array, version=None):
    with open(name, "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def inception_score(logits, splits, seed):
    n = logits.shape[0]
    logits = logits[np.random.RandomState(seed).permutation(n)].astype(np.float64)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    p = np.exp(log_p)
    scores = []
    for i in range(splits):
        part_p = p[i * n // splits:(i + 1) * n // splits]
        part_log_p = log_p[i * n // splits:(i + 1) * n // splits]
        log_marginal = np.log(part_p.mean(axis=0))
        scores.append(np.exp(np.mean(np.sum(part_p * (part_log_p - log_marginal), axis=1))))
    return np.array([np.mean(scores), np.std(scores)])


def kid(f1, f2, subsets, size, seed):
    d = f1.shape[1]
    rng = np.random.RandomState(seed)
    values = []
    for _ in range(subsets):
        x = f1[rng.choice(len(f1), size, replace=False)].astype(np.float64)
        y = f2[rng.choice(len(f2), size, replace=False)].astype(np.float64)
        kxx = (x @ x.T / d + 1) ** 3
        kyy = (y @ y.T / d + 1) ** 3
        kxy = (x @ y.T / d + 1) ** 3
        m = size
        values.append((kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)) / (m * (m - 1))
                      - 2 * kxy.sum() / (m * m))
    return np.array([np.mean(values), np.std(values)])


def fid_scipy(mu1, s1, mu2, s2):
    covmean = scipy.linalg.sqrtm(s1 @ s2).real
    diff = mu1 - mu2
    return diff @ diff + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)


def random_covariance(rng, d, n):
    x = rng.standard_normal((n, d)) @ rng.standard_normal((d, d))
    return np.cov(x, rowvar=False)


def main():
    rng = np.random.RandomState(12345)

    # Statistics files laid out as clean-fid/TTUR write them: float32 mu, float64 sigma, deflated.
    mu = rng.standard_normal(4).astype(np.float32)
    sigma = random_covariance(rng, 4, 20)
    np.savez_compressed("stats_compressed.npz", mu=mu, sigma=sigma)
    np.savez("stats_stored.npz", mu=mu.astype(np.float64), sigma=sigma)

    # Single arrays for byte-for-byte writer checks and the version 2.0 reader path.
    save_npy("vector_f4.npy", np.array([1.5, -2.25, 3.0, 0.1, 1e-8], dtype="<f4"))
    save_npy("matrix_f8.npy", np.arange(6, dtype="<f8").reshape(3, 2) / 7)
    save_npy("matrix_v2.npy", np.arange(6, dtype="<f8").reshape(2, 3) - 2.5, version=(2, 0))

    golden = {}
    golden["perm_seed2020_n10"] = np.random.RandomState(2020).permutation(10).astype(np.float64)
    golden["perm_seed0_n1000"] = np.random.RandomState(0).permutation(1000).astype(np.float64)
    r = np.random.RandomState(7)
    golden["choice_seed7"] = np.concatenate(
        [r.choice(50, 5, replace=False), r.choice(30, 7, replace=False), r.choice(3, 3, replace=False)]
    ).astype(np.float64)

    # Covariance: a large common offset checks that centring happens before the products.
    feats = (1000.0 + rng.standard_normal((40, 6)) @ rng.standard_normal((6, 6))).astype(np.float32)
    golden["cov_features"] = feats
    golden["cov_mean"] = feats.astype(np.float64).mean(axis=0)
    golden["cov_sigma"] = np.cov(feats, rowvar=False)

    d = 7
    mu1, mu2 = rng.standard_normal(d), rng.standard_normal(d)
    s1, s2 = random_covariance(rng, d, 50), random_covariance(rng, d, 30)
    golden.update(fid_mu1=mu1, fid_sigma1=s1, fid_mu2=mu2, fid_sigma2=s2,
                  fid_expected=np.array([fid_scipy(mu1, s1, mu2, s2)]))

    logits = (3 * rng.standard_normal((53, 7))).astype(np.float32)
    golden["isc_logits"] = logits
    golden["isc_expected_splits10_seed2020"] = inception_score(logits, 10, 2020)

    f1 = rng.standard_normal((70, 16)).astype(np.float32)
    f2 = (0.3 + 1.2 * rng.standard_normal((60, 16))).astype(np.float32)
    golden.update(kid_f1=f1, kid_f2=f2, kid_expected_subsets5_size50_seed2020=kid(f1, f2, 5, 50, 2020))

    np.savez("golden.npz", **golden)


if __name__ == "__main__":
    main()
