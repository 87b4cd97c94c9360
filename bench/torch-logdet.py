"""PyTorch's gradcheck of log|det X| with a hand-written backward, at n = 64 (or argv[1]).

The comparison point of `npm run bench`: run as a whole process, the way mcheck runs. Needs
Debian's python3-torch; it is a measuring stick, never a dependency of mcheck.
"""
import sys

import torch


class LogAbsDet(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.linalg.slogdet(x)[1]

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * torch.linalg.inv(x).T


n = int(sys.argv[1]) if len(sys.argv) > 1 else 64
torch.manual_seed(1)
q, _ = torch.linalg.qr(torch.randn(n, n, dtype=torch.float64))
x = (q * torch.linspace(0.5, 2.0, n, dtype=torch.float64)).requires_grad_()
ok = torch.autograd.gradcheck(LogAbsDet.apply, (x,), eps=1e-6, atol=1e-8, rtol=1e-5)
print("gradcheck", "passed" if ok else "failed", f"n={n}")
