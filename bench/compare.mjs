// Optional regression check (not part of npm test): compares bench/results/latest.json with the committed
// bench/results/baseline.json and fails when a measure got more than 1.5× worse. Compared: the ratios against the
// reference tools (machine-independent enough to compare across runs), the growth exponents, and the bundle and
// .vsix sizes; absolute times (activation) are not, they depend on the machine.
//
//   node bench/compare.mjs [--baseline file] [--latest file] [--factor 1.5]
//
// Exit code: 0 no regression, 1 a regression, 2 a missing or unreadable results file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const baselineFile = option('--baseline', join(HERE, 'results', 'baseline.json'));
const latestFile = option('--latest', join(HERE, 'results', 'latest.json'));
const factor = Number(option('--factor', '1.5'));

function load(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`compare: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
}

const baseline = load(baselineFile);
const latest = load(latestFile);
const latestById = new Map(latest.rows.map((r) => [r.id, r]));
const lines = ['| measure | baseline | latest | change | verdict |', '|---|---|---|---|---|'];
let regressions = 0;
for (const b of baseline.rows) {
  if (typeof b.compareValue !== 'number' || !(b.compareValue > 0)) continue;
  const l = latestById.get(b.id);
  if (!l || typeof l.compareValue !== 'number') {
    lines.push(`| ${b.id} | ${b.compareValue.toPrecision(3)} | — | — | not measured |`);
    continue;
  }
  const change = l.compareValue / b.compareValue;
  const worse = change > factor;
  if (worse) regressions++;
  lines.push(`| ${b.id} | ${b.compareValue.toPrecision(3)} | ${l.compareValue.toPrecision(3)} | ${change.toFixed(2)}× | ${worse ? `**worse than ${factor}×**` : 'ok'} |`);
}
process.stdout.write(`baseline ${baseline.date} (${baseline.machine?.cpu}), latest ${latest.date} (${latest.machine?.cpu})\n\n${lines.join('\n')}\n`);
if (regressions > 0) {
  process.stdout.write(`\n${regressions} measure${regressions === 1 ? '' : 's'} more than ${factor}× worse than the baseline.\n`);
  process.exit(1);
}
