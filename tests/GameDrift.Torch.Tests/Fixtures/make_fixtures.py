"""Writes the PyTorch-made fixtures the engine tests read. Run with PyTorch 1.13 (Debian: apt-get install
python3-torch), from this folder:  /usr/bin/python3 make_fixtures.py
Every value is a simple formula of its position, so the tests check them without Python."""
import json
from typing import Optional

import torch


def tensors():
    # dtype coverage, plus tensors that are views into a larger storage (offset, non-contiguous).
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    return {
        "f32": torch.arange(6, dtype=torch.float32).reshape(2, 3) / 4,
        "f64": torch.linspace(-1, 1, 5, dtype=torch.float64),
        "i64": torch.arange(-3, 3, dtype=torch.int64),
        "bool": torch.tensor([True, False, True]),
        "u8": torch.arange(250, 256, dtype=torch.uint8),
        "offset_view": base[1],          # storage offset 6
        "transposed": base.t(),          # strides (1, 6)
        "scalar": torch.tensor(2.5, dtype=torch.float64),
    }


class Tiny(torch.nn.Module):
    """forward(x) = (tanh(x @ W), 2 * sum(x @ W, dim=1)) with W = [[1, 2], [3, 4], [5, 6]]."""

    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.tensor([[1., 2.], [3., 4.], [5., 6.]]))

    def forward(self, x):
        y = x @ self.weight
        return torch.tanh(y), y.sum(dim=1) * 2.0


class Keywords(torch.nn.Module):
    """forward(x, scale=1.0, negate=False, power=1, offset=None) = (+/-)(scale * x) ** power (+ offset):
    one argument of each kind the engine passes besides tensors (float, bool, int, None)."""

    def forward(self, x: torch.Tensor, scale: float = 1.0, negate: bool = False, power: int = 1,
                offset: Optional[torch.Tensor] = None) -> torch.Tensor:
        y = (scale * x) ** power
        if negate:
            y = -y
        if offset is not None:
            y = y + offset
        return y


def format_cases():
    g = torch.Generator().manual_seed(0)
    return {
        "normal_f32": torch.randn(5, 7, generator=g),
        "normal_f64": torch.randn(3, 4, generator=g, dtype=torch.float64),
        "wide_row": torch.randn(23, generator=g) * 100,
        "tiny": torch.randn(4, generator=g) * 1e-6,
        "huge": torch.randn(4, generator=g) * 1e9,
        "ints_as_float": torch.arange(-5, 35, dtype=torch.float32),
        "spread_ints": torch.tensor([1., 2000., -3.]),
        "nonfinite": torch.tensor([float("nan"), 1.0, float("inf"), -2.0, float("-inf")]),
        "nonfinite_fixed": torch.tensor([float("nan"), 1.25, float("-inf")]),
        "only_zeros": torch.zeros(2, 2),
        "ties": torch.tensor([1.03125, 0.15625, -2.71875, 3.5]),
        "int64": torch.arange(-20, 20).reshape(5, 8) * 37,
        "int32": torch.arange(3, dtype=torch.int32),
        "bool_2d": torch.tensor([[True, False], [False, True]]),
        "three_d": torch.randn(2, 3, 4, generator=g),
        "four_d": torch.arange(16.).reshape(2, 2, 2, 2),
        "summarised_1d": torch.arange(2000),
        "summarised_2d": torch.randn(40, 40, generator=g),
        "summarised_3d": torch.arange(1331.).reshape(11, 11, 11),
        "summarised_short_rows": torch.arange(2002).reshape(1001, 2),
        "long_line_f64": torch.randn(12, generator=g, dtype=torch.float64),
        "scalar_f64": torch.tensor(-0.5, dtype=torch.float64),
        "scalar_int": torch.tensor(12345),
        "empty_f32": torch.zeros(0),
        "empty_i64": torch.zeros(0, dtype=torch.int64),
        "empty_2d_f64": torch.zeros(3, 0, dtype=torch.float64),
        "half": torch.tensor([0.5, 1.5, 2.25], dtype=torch.float16),
    }


def main():
    torch.save(tensors(), "tensors_py.pt")
    lin = torch.nn.Linear(3, 2)
    with torch.no_grad():
        lin.weight.copy_(torch.arange(6.).reshape(2, 3))
        lin.bias.copy_(torch.tensor([-1., 1.]))
    torch.save(lin.state_dict(), "state_dict_py.pt")  # an OrderedDict, as real checkpoints are
    torch.save(dict(lin.state_dict()), "state_dict_plain_py.pt")
    torch.jit.save(torch.jit.script(Tiny()), "tiny_script.pt")
    torch.jit.save(torch.jit.script(Keywords()), "keywords_script.pt")
    cases = format_cases()
    torch.save(cases, "format_cases.pt")
    with open("format_cases.json", "w") as f:
        json.dump({k: repr(v) for k, v in cases.items()}, f, indent=1)


if __name__ == "__main__":
    main()
