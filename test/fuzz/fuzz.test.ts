// The long fuzz run (`npm run fuzz`): FUZZ_RUNS cases in all (default 10,000) with a random seed, printed first so a
// failure can be replayed with FUZZ_SEED=<seed> (FUZZ_ONLY=<property> and FUZZ_PATH=<path> narrow it to one case).
import { defineFuzzSuite } from './lib/suite';

const runs = Math.max(1, Number(process.env.FUZZ_RUNS ?? 10_000));
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
const only = process.env.FUZZ_ONLY;
// Pages are the richest cases; workspaces and the CLI on disk cost more each.
const share = { strings: 0.35, pages: 0.47, workspaces: 0.06, cli: 0.08, utf8: 0.04 };
const part = (k: keyof typeof share): number => (only && only !== k ? 0 : Math.max(1, Math.round(runs * share[k])));

console.log(`fuzz: seed ${seed}, ${runs} cases requested (replay with FUZZ_SEED=${seed})`);

defineFuzzSuite({
  title: `fuzz (seed ${seed})`,
  seed,
  runs: { strings: part('strings'), pages: part('pages'), workspaces: part('workspaces'), cli: part('cli'), utf8: part('utf8') },
  verbose: true,
  path: process.env.FUZZ_PATH,
});
