// Usage: dcgan_bench [plain|gradnorm] [warmup] [steps|lockstep] [threads]; arguments, lockstep protocol and
// output as bench/GameDrift.Bench/Program.cs.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include "dcgan.h"

// CPU time of the whole process (all threads), in ms.
static double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double status_mb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + std::string(key).size()) / 1024.0;
  return -1;
}

int main(int argc, char** argv) {
  std::string variant = argc > 1 ? argv[1] : "plain";
  int warmup = argc > 2 ? std::atoi(argv[2]) : 5;
  bool lockstep = argc > 3 && std::string(argv[3]) == "lockstep";
  int steps = argc > 3 && !lockstep ? std::atoi(argv[3]) : 20;
  if (argc > 4) at::set_num_threads(std::atoi(argv[4]));
  if (variant != "plain" && variant != "gradnorm") { std::fprintf(stderr, "unknown variant %s\n", variant.c_str()); return 2; }
  bool penalty = variant == "gradnorm";

  torch::manual_seed(0);
  bench::Dcgan net;
  auto real = torch::randn({64, 3, 32, 32}).clamp(-1, 1);
  auto ones = torch::ones({64}), zeros = torch::zeros({64});

  auto first = bench::step(net, real, ones, zeros, penalty);
  std::printf("first_losses: %.17g %.17g\n", first.first, first.second);
  for (int i = 1; i < warmup; i++) bench::step(net, real, ones, zeros, penalty);
  double rss_before = status_mb("VmRSS:");
  if (lockstep) std::printf("ready\n");
  std::fflush(stdout);
  std::string command;
  for (int i = 0; lockstep || i < steps; i++) {
    if (lockstep && (!std::getline(std::cin, command) || command != "step")) break;
    double c0 = cpu_ms();
    auto t0 = std::chrono::steady_clock::now();
    bench::step(net, real, ones, zeros, penalty);
    auto t1 = std::chrono::steady_clock::now();
    std::printf("step_cpu_ms: %.3f\n", cpu_ms() - c0);
    std::printf("step_ms: %.3f\n", std::chrono::duration<double, std::milli>(t1 - t0).count());
    std::fflush(stdout);
  }
  std::printf("rss_growth_mb: %.1f\n", status_mb("VmRSS:") - rss_before);
  std::printf("rss_peak_mb: %.1f\n", status_mb("VmHWM:"));
  std::printf("threads: %d\n", at::get_num_threads());
  return 0;
}
