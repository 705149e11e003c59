"""The PyTorch twin of GameDrift.TrainBench's SN-GAN variants (bench/run-training.sh runs both in lockstep).

The paper's SN-GAN "standard CNN" for CIFAR-10 (spec 6.3; games/GameDrift.Games/ImageGans/SnGanCifar.cs), B=64, on
random 32x32 images, SGD lr_D 0.01, lr_G 0.005, saturating (zero-sum) loss, written the way a PyTorch user writes it:

* alternating: a D step (G(z) detached) then a G step on fresh data and latents, each with its own forward pass;
* cancel: one simultaneous step cancelling both players' interaction terms (double backprop): the four first-order
  gradients with create_graph from one joint forward pass, then grad_phi <grad_theta L1, sg grad_theta L2> and
  grad_theta <grad_phi L2, sg grad_phi L1>, as in research/peers.md d.3.

Usage: python3 sngan_step.py alternating|cancel [warmup] [steps|lockstep] [threads] [device]
Prints "step_ms: X" and "step_cpu_ms: Y" per timed step; in lockstep mode "ready" after the warm-up, then one timed
step per "step" line on stdin until "quit". After a fixed number of steps it also prints "mean_step_ms: Z", the wall
time of all timed steps over their number, the device synchronised before and after only (on CUDA the per-step
figures time the kernel launches, not the kernels, so mean_step_ms is the one to compare). device: cpu (default),
cuda or cuda:N; images and latents are drawn on the CPU and copied over, as GameDrift does.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

variant = sys.argv[1] if len(sys.argv) > 1 else "alternating"
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 2
lockstep = len(sys.argv) > 3 and sys.argv[3] == "lockstep"
steps = int(sys.argv[3]) if len(sys.argv) > 3 and not lockstep else 5
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
device = torch.device(sys.argv[5] if len(sys.argv) > 5 else "cpu")
torch.manual_seed(0)
B, Z, LR_D, LR_G = 64, 128, 0.01, 0.005


def generator():
    return nn.Sequential(
        nn.Linear(Z, 4 * 4 * 512), nn.Unflatten(1, (512, 4, 4)),
        nn.ConvTranspose2d(512, 256, 4, 2, 1), nn.BatchNorm2d(256, momentum=0.001), nn.ReLU(),
        nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128, momentum=0.001), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64, momentum=0.001), nn.ReLU(),
        nn.ConvTranspose2d(64, 3, 3, 1, 1), nn.Tanh())


def discriminator():
    sn = nn.utils.spectral_norm
    layers = []
    for i, o, k, s in [(3, 64, 3, 1), (64, 64, 4, 2), (64, 128, 3, 1), (128, 128, 4, 2), (128, 256, 3, 1),
                       (256, 256, 4, 2), (256, 512, 3, 1)]:
        layers += [sn(nn.Conv2d(i, o, k, s, 1)), nn.LeakyReLU(0.1)]
    return nn.Sequential(*layers, nn.Flatten(), sn(nn.Linear(4 * 4 * 512, 1)))


G, D = generator().to(device), discriminator().to(device)
opt_d = torch.optim.SGD(D.parameters(), lr=LR_D)
opt_g = torch.optim.SGD(G.parameters(), lr=LR_G)
phi, theta = list(D.parameters()), list(G.parameters())


def batch():
    return (torch.rand(B, 3, 32, 32) * 2 - 1).to(device), torch.randn(B, Z).to(device)


def losses(real, fake):
    lr, lf = D(real), D(fake)
    return F.softplus(-lr).mean() + F.softplus(lf).mean(), -F.softplus(lf).mean()


def alternating_step():
    real, z = batch()
    l1, _ = losses(real, G(z).detach())
    opt_d.zero_grad()
    l1.backward()
    opt_d.step()
    real, z = batch()
    _, l2 = losses(real, G(z))
    opt_g.zero_grad()
    l2.backward()
    opt_g.step()


def dot(a, b):
    return sum((x * y).sum() for x, y in zip(a, b))


def cancel_step():
    real, z = batch()
    l1, l2 = losses(real, G(z))
    n = len(phi)
    g1 = torch.autograd.grad(l1, phi + theta, create_graph=True)
    g2 = torch.autograd.grad(l2, phi + theta, create_graph=True)
    # Interaction terms: phi differentiates <grad_theta L1, sg grad_theta L2>, theta <grad_phi L2, sg grad_phi L1>.
    t_phi = torch.autograd.grad(dot(g1[n:], [g.detach() for g in g2[n:]]), phi, retain_graph=True)
    t_theta = torch.autograd.grad(dot(g2[:n], [g.detach() for g in g1[:n]]), theta)
    # Cancelling with the paper's coefficients (spec 5.1, simultaneous): -(own learning rate / 2) times the term.
    with torch.no_grad():
        for p, g, t in zip(phi, g1[:n], t_phi):
            p.sub_(LR_D * (g - LR_D / 2 * t))
        for p, g, t in zip(theta, g2[n:], t_theta):
            p.sub_(LR_G * (g - LR_G / 2 * t))


step = {"alternating": alternating_step, "cancel": cancel_step}[variant]


def sync():
    if device.type == "cuda":
        torch.cuda.synchronize(device)


for _ in range(warmup):
    step()
sync()
if lockstep:
    print("ready", flush=True)
i = 0
start = time.perf_counter()
while lockstep or i < steps:
    if lockstep and sys.stdin.readline().strip() != "step":
        break
    c0, t0 = time.process_time(), time.perf_counter()
    step()
    t1, c1 = time.perf_counter(), time.process_time()
    print(f"step_cpu_ms: {(c1 - c0) * 1000:.3f}", flush=True)
    print(f"step_ms: {(t1 - t0) * 1000:.3f}", flush=True)
    i += 1
sync()
if not lockstep and steps > 0:
    print(f"mean_step_ms: {(time.perf_counter() - start) * 1000 / steps:.3f}", flush=True)
print(f"threads: {torch.get_num_threads()}", flush=True)
print(f"device: {device}", flush=True)
