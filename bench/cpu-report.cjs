// Preloaded (node --import) into the processes bench/run.mjs times: on exit, writes the process's own CPU time
// (every thread) and peak memory to $BENCH_CPU_FILE, so a busy machine's waiting time can be told from work done.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }));
  });
}
