// Preloaded (node --require) into the processes bench/run.mjs times: on exit, writes the process's own CPU time
// (every thread) and peak memory to $BENCH_CPU_FILE, so a busy machine's waiting time can be told from work done.
// CommonJS on purpose: an ES module preload (node --import) starts Node's ES module loader and runs a CommonJS main
// script through it, which added ~40 ms to every worklog-lint run it timed (measured on the warm 2,000-page run,
// 25 interleaved pairs: --require added nothing measurable).
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }));
  });
}
