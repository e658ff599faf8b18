// Calibration over the corpus of real worklogs (../shared/corpus): findings per rule, and samples to read.
// Not part of `npm test`; skips when the corpus is absent (a user's clone has none).
//   npx tsx scripts/calibrate.ts [--rule <id>] [--sample N] [--corpus <dir>] [--json <out>]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPages } from '../src/core/engine';
import { parsePage } from '../src/core/parse';
import type { WorklogPage } from '../src/core/model';
import { RULE_IDS } from '../src/core/rules';
import { DEFAULT_SETTINGS } from '../src/core/settings';

const { values } = parseArgs({
  options: {
    rule: { type: 'string' },
    sample: { type: 'string', default: '0' },
    corpus: { type: 'string', default: path.resolve(__dirname, '../../shared/corpus') },
    json: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const corpus = values.corpus!;
if (!fs.existsSync(corpus)) {
  console.log(`calibrate: no corpus at ${corpus}; skipped`);
  process.exit(0);
}

const repos = fs.readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const counts = new Map<string, { error: number; warning: number; info: number; repos: Set<string> }>();
const samples: { rule: string; repo: string; file: string; line: number; text: string; message: string }[] = [];
let pageCount = 0;
let worklogPages = 0;
let remarkPages = 0;
const disagreements: string[] = [];
const reading = (p: WorklogPage): string => JSON.stringify([p.tables, p.brokenTables, p.objectives]);
const t0 = performance.now();
for (const repo of repos) {
  const root = path.join(corpus, repo);
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.md$/i.test(f)).sort();
  const pages = files.map((f) => {
    const file = f.split(path.sep).join('/');
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    let remark = false;
    const page = parsePage(file, text, { onRemark: () => (remark = true) });
    if (remark) remarkPages++;
    // The plain reader must read every page as remark does.
    if (reading(page) !== reading(parsePage(file, text, { reference: true }))) disagreements.push(`${repo}/${file}`);
    return page;
  });
  pageCount += pages.length;
  const { findings } = checkPages(pages, DEFAULT_SETTINGS);
  worklogPages += findings.size;
  for (const [file, list] of findings) {
    const page = pages.find((p) => p.path === file)!;
    for (const f of list) {
      const c = counts.get(f.rule) ?? { error: 0, warning: 0, info: 0, repos: new Set<string>() };
      c[f.severity]++;
      c.repos.add(repo);
      counts.set(f.rule, c);
      if (!values.rule || values.rule === f.rule) {
        samples.push({ rule: f.rule, repo, file, line: f.span.start.line + 1, text: page.lineIndex.lineText(f.span.start.line).slice(0, 160), message: f.message });
      }
    }
  }
}
const ms = performance.now() - t0;
console.log(`${pageCount} pages in ${repos.length} repositories; ${worklogPages} worklog pages checked in ${(ms / 1000).toFixed(1)} s`);
console.log(`remark parsed part of ${remarkPages} pages; the plain reader read the others, and read ${disagreements.length === 0 ? 'every page as remark does' : `${disagreements.length} pages differently: ${disagreements.slice(0, 5).join(', ')}`}\n`);
if (disagreements.length > 0) process.exitCode = 1;
console.log('rule'.padEnd(24) + 'error'.padStart(7) + 'warning'.padStart(9) + 'info'.padStart(7) + 'repos'.padStart(7));
let total = 0;
for (const id of RULE_IDS) {
  const c = counts.get(id) ?? { error: 0, warning: 0, info: 0, repos: new Set() };
  total += c.error + c.warning + c.info;
  console.log(id.padEnd(24) + String(c.error).padStart(7) + String(c.warning).padStart(9) + String(c.info).padStart(7) + String(c.repos.size).padStart(7));
}
console.log(`total ${total}`);
const n = Number(values.sample);
if (n > 0) {
  // A deterministic spread: every k-th finding, so samples cover many repositories.
  const pool = samples;
  const step = Math.max(1, Math.floor(pool.length / n));
  console.log(`\nsample of ${Math.min(n, pool.length)} / ${pool.length}${values.rule ? ` (${values.rule})` : ''}:`);
  for (let i = Number(values.seed) % step; i < pool.length && i / step < n; i += step) {
    const s = pool[i];
    console.log(`- [${s.rule}] ${s.repo}/${s.file}:${s.line}\n    ${s.text}\n    → ${s.message}`);
  }
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify(Object.fromEntries([...counts].map(([k, v]) => [k, { ...v, repos: v.repos.size }])), null, 2));
