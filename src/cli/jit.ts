// V8 tuning for worklog-lint's own process (never for a host that runs the CLI's code in-process).
import { availableParallelism } from 'node:os';

const V8_VERSION = process.versions.v8;

/**
 * Below this many pages to check, V8's defaults stand: loading node:v8 costs ~3 ms, more than an 18-page worklog
 * gained (100 pages: −2%).
 */
export const JIT_MIN_PAGES = 100;

/**
 * The V8 flags worklog-lint's process runs its engine with, on fewer than 4 cores. Measured on the 2-core benchmark
 * machine, interleaved against V8's defaults (README, Performance):
 * - Twice the tier-up budget and less inlining. V8 compiles hot functions with its optimising compiler (TurboFan) on
 *   a background thread, and its defaults suit long-lived pages. A check run lasts a second or two; on 2 cores those
 *   compiles take the other core from the collector and the main thread, and most of the code they produce arrives
 *   too late to pay for itself: 2,000 pages 0.82–0.85× the wall time (about 0.75× the CPU).
 * - No allocation-site pretenuring. A page's model (cells, date tokens) lives while its worklog is checked, then dies;
 *   when a young collection happens to find many of them alive, V8 starts allocating them straight into the old
 *   generation, where they pile up until a full collection (50 MB promoted instead of 9 MB in a 2,000-page run that
 *   tripped it, 1.2× slower). Off: 10,000 pages 0.69–0.72×, and two loop rewrites that had tripped it no longer did.
 * With 4 cores or more V8's defaults stand (not measured there).
 */
export function jitFlags(pages: number, cores: number, env: Readonly<Record<string, string | undefined>> = {}, v8Version = V8_VERSION): readonly string[] {
  // Only the V8 it was measured on (11, Node 20 and 21): another V8 may tier up differently (newer ones add Maglev)
  // or not know a flag, which setFlagsFromString reports on stderr.
  if (!/^11\./.test(v8Version)) return [];
  // WORKLOG_LINT_JIT=default keeps V8's defaults, =tuned applies the flags whatever the run (tests, benchmarks).
  const mode = env.WORKLOG_LINT_JIT;
  const tuned = mode === 'tuned' || (mode !== 'default' && cores < 4 && pages >= JIT_MIN_PAGES);
  return tuned ? ['--interrupt-budget=135168', '--max-inlined-bytecode-size-cumulative=400', '--no-allocation-site-pretenuring'] : [];
}

/**
 * Applies jitFlags before the engine is loaded (a function's budget is set when it is created), and says which it
 * applied. A Node whose V8 refuses the flags runs on its defaults.
 */
export function tuneJit(pages: number, env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): readonly string[] {
  const flags = jitFlags(pages, cores, env);
  if (flags.length === 0) return flags;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the engine is
    const v8 = require('node:v8') as typeof import('node:v8');
    for (const flag of flags) v8.setFlagsFromString(flag);
    return flags;
  } catch {
    return [];
  }
}
