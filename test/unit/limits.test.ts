// Size and shape limits: huge pages, huge lines, huge tables, binary files and long lists are parsed and checked (or
// skipped with a note) and the call returns. Durations are shown in the test titles, never asserted. Regular
// expressions are attacked through the public functions with 100,000-character runs, in a child process under a
// generous guard (a runaway regex cannot be interrupted in-process). Known super-linear cases are open bugs (skipped).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPages } from '../../src/core/engine';
import type { Finding, WorklogPage } from '../../src/core/model';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ADVERSARIAL, DEFAULT_SIZE, type CheckTiming } from '../fuzz/lib/adversarial';
import { renderPage } from '../fuzz/lib/pages';
import { linesOf, runCliIn, spanProblem, tempWorkspace } from '../fuzz/lib/properties';

const WEEK1 = 'content/1-Worklog/1.1-Week1/_index.md';
const FM = '---\ntitle: "Week 1 Worklog"\ndate: 2025-09-08\nweight: 1\nchapter: false\n---\n';
const HEAD = '| Day | Task | Start Date | Completion Date | Reference |\n| --- | --- | --- | --- | --- |\n';
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const MAX = DEFAULT_SETTINGS.maxFileSize;

const WEEK_PAGE = renderPage({
  lang: 'en', week: 1, frontMatter: 'yaml', dateStyle: 'DD/MM/YYYY', dayStyle: 'en-short', objectives: [0, 1], layout: 'folder', startWeek: 0, weightOff: 0,
  rows: [{ offset: 0, length: 0, task: 1, ref: true }, { offset: 1, length: 1, task: 2, ref: false }, { offset: 3, length: 0, task: 3, ref: false }],
});

interface Checked {
  readonly page: WorklogPage;
  readonly findings: readonly Finding[];
  readonly ms: number;
}

/** Parses and checks one page the way the CLI and the editor do (maxSize from the settings unless given). */
function check(text: string, maxSize: number = MAX, pagePath = WEEK1): Checked {
  const started = Date.now();
  const page = parsePage(pagePath, text, { maxSize });
  const { findings } = checkPages([page], DEFAULT_SETTINGS);
  return { page, findings: findings.get(pagePath) ?? [], ms: Date.now() - started };
}

function inside(text: string, findings: readonly Finding[]): void {
  const lines = linesOf(text);
  for (const f of findings) assert.equal(spanProblem(f.span, lines), undefined, `${f.rule} ${JSON.stringify(f.span)}`);
}

function note(test: Mocha.Context, ms: number): void {
  test.test!.title += ` [${ms} ms]`;
}

describe('limits: size and shape', function () {
  this.timeout(600_000);

  it('a 5 MB page: skipped at the default maxFileSize (a note, no findings); parsed and checked in full without it', function () {
    let text = WEEK_PAGE;
    while (text.length < 5_000_000) text += `\n## Notes\n\n${'Lorem ipsum dolor sit amet, notes of week 1. '.repeat(50)}\n\n${HEAD}| Mon | more | 08/09/2025 | 08/09/2025 | |\n`;
    const limited = check(text);
    assert.equal(limited.page.skipped, 'too-large');
    assert.deepEqual(limited.findings, []);
    const full = check(text, Infinity);
    assert.equal(full.page.skipped, undefined);
    assert.ok(full.page.tables.length > 1000);
    inside(text, full.findings);
    note(this, limited.ms + full.ms);
  });

  it('a single line of ~1 MB (just under the limit) in a task table cell', function () {
    const text = `${FM}\n${HEAD}| Mon | ${'word '.repeat(199_000)} | 08/09/2025 | 08/09/2025 | |\n`;
    assert.ok(text.length < MAX && text.length > 990_000);
    const r = check(text);
    assert.equal(r.page.skipped, undefined);
    assert.equal(r.page.tables[0].rows.length, 1);
    inside(text, r.findings);
    note(this, r.ms);
  });

  it('a single line of ~1 MB of prose', function () {
    const r = check(`${FM}\n${'Week 1 notes, 08/09/2025 — '.repeat(36_000)}\n`);
    assert.equal(r.page.skipped, undefined);
    note(this, r.ms);
  });

  it('a table with 5,000 rows', function () {
    const rows = Array.from({ length: 5000 }, (_, i) => `| ${DAYS[i % 5]} | task ${i} | ${String(8 + (i % 5)).padStart(2, '0')}/09/2025 | ${String(8 + (i % 5)).padStart(2, '0')}/09/2025 | |`);
    const text = `${FM}\n${HEAD}${rows.join('\n')}\n`;
    const r = check(text);
    assert.equal(r.page.tables[0].rows.length, 5000);
    inside(text, r.findings);
    note(this, r.ms);
  });

  it('a table with 500 columns', function () {
    const extra = Array.from({ length: 496 }, (_, i) => `C${i}`);
    const text = `${FM}\n| Day | Task | Start Date | Completion Date | ${extra.join(' | ')} |\n${'| --- '.repeat(500)}|\n`
      + Array.from({ length: 20 }, (_, r) => `| ${DAYS[r % 5]} | t${r} | 08/09/2025 | 08/09/2025 | ${extra.map((c) => c.toLowerCase()).join(' | ')} |`).join('\n') + '\n';
    const r = check(text);
    assert.equal(r.page.tables[0].header.cells.length, 500);
    assert.equal(r.page.tables[0].rows[0].cells.length, 500);
    inside(text, r.findings);
    note(this, r.ms);
  });

  it('a binary file named .md (random bytes with NUL): skipped by the parser and by the CLI with a note', async function () {
    const bytes = Buffer.concat([randomBytes(20_000), Buffer.from([0]), randomBytes(20_000)]);
    const started = Date.now();
    const r = check(bytes.toString('utf8'));
    assert.equal(r.page.skipped, 'binary');
    assert.deepEqual(r.findings, []);
    // No NUL: random bytes decode to text (with U+FFFD) and are checked like any page.
    const noNul = Buffer.from(randomBytes(40_000).map((b) => b || 1));
    inside(noNul.toString('utf8'), check(noNul.toString('utf8')).findings);
    const dir = tempWorkspace([{ path: 'content/1-Worklog/1.2-Week2/_index.md', data: bytes }, { path: 'content/1-Worklog/1.3-Week3/_index.md', data: noNul }, { path: WEEK1, data: WEEK_PAGE }]);
    try {
      const cli = await runCliIn(dir, ['--format', 'json']);
      assert.match(cli.stderr, /^note: content\/1-Worklog\/1\.2-Week2\/_index\.md skipped: binary \(contains NUL bytes\)$/m);
      assert.ok(Array.isArray(JSON.parse(cli.stdout)));
      assert.equal(cli.stats.filesRead, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    note(this, Date.now() - started);
  });

  it('100,000 list items (1.3 MB): skipped at the default maxFileSize', function () {
    const text = `${FM}\n### Week 1 Objectives:\n\n${Array.from({ length: 100_000 }, (_, i) => `* objective number ${i}`).join('\n')}\n`;
    const r = check(text);
    assert.equal(r.page.skipped, 'too-large');
    note(this, r.ms);
  });

  it('100,000 list items outside the objectives (400 KB): parsed and checked', function () {
    const text = `${FM}\n## Notes\n\n${'* x\n'.repeat(100_000)}\n${HEAD}| Mon | t | 08/09/2025 | 08/09/2025 | |\n`;
    const r = check(text);
    assert.equal(r.page.skipped, undefined);
    inside(text, r.findings);
    note(this, r.ms);
  });
  // 100,000 objectives (tens of seconds: remark parses the whole list) and a 1 MB line of pipes: test/fuzz/heavy.test.ts.
});

const REPO = path.resolve(__dirname, '..', '..');
const CHILD = path.join(REPO, 'test', 'fuzz', 'lib', 'adversarial.ts');

/** Runs the named adversarial inputs in a child process; fails when the guard kills it, naming the input it was on. */
function runGuarded(inputs: readonly string[], guardMs: number): CheckTiming[] {
  const child = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), CHILD, ...inputs], { cwd: REPO, encoding: 'utf8', timeout: guardMs, maxBuffer: 64 * 1024 * 1024 });
  const lines = child.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as CheckTiming & { start?: string });
  if (child.status !== 0) {
    const last = [...lines].reverse().find((l) => l.start !== undefined);
    assert.fail(child.signal ? `did not finish within the ${guardMs / 1000} s guard (killed by ${child.signal}) on "${last?.start}"` : `the child failed: ${child.stderr}`);
  }
  return lines.filter((l) => l.start === undefined);
}

describe('limits: no unbounded regular expressions', function () {
  this.timeout(900_000);

  it(`every adversarial input (${Object.keys(ADVERSARIAL).length} runs of ${DEFAULT_SIZE.toLocaleString('en')} characters) is parsed and checked (child process, 400 s guard)`, function () {
    const timings = runGuarded(Object.keys(ADVERSARIAL), 400_000);
    assert.deepEqual(timings.map((t) => t.name), Object.keys(ADVERSARIAL));
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
    this.test!.title += ` [total ${timings.reduce((n, t) => n + t.ms, 0)} ms; slowest: ${slowest.map((t) => `${t.name} ${t.ms} ms`).join(', ')}]`;
  });

  // Open bugs: super-linear on inputs far below the size limit. Measured on this (loaded, 2-core) machine:
  //   HEADING (parse.ts) on "# " + n spaces + "\r" + "x":      n=1,000 → 1.0 s, 2,000 → 9.9 s, 4,000 → 70 s (cubic)
  //   TOML_KEY (frontMatter.ts) on "x = " + n spaces + U+2028:  n=2,000 → 7.8 s, 4,000 → 36 s, 8,000 → 163 s
  //   yaml parseDocument uniqueKeys (frontMatter.ts) n keys:    8,000 → 1.0 s, 16,000 → 6.5 s, 32,000 → 23.5 s
  //   LINK (parse.ts readLinks) on "](" × n/2 on an index page: 25,000 chars → 2.0 s, 50,000 → 8.8 s, 100,000 → 16–34 s
  //   day-sequence startOf (rules/daySequence.ts) n rows:       2,500 → 0.8 s, 5,000 → 4.3 s, 10,000 → 60 s
  // Each test below would pass in well under a second with linear code; un-skip when fixed (see fuzz-regressions/).
  const open: [string, number][] = [
    ['heading: "#", spaces, a lone CR', 20_000],
    ['heading: "#", spaces, U+2028', 20_000],
    ['TOML key: spaces, U+2028', 20_000],
    ['YAML front matter with n keys', 80_000],
    ['links on an index page: "](" repeated', 200_000],
    ['table with n rows (day-sequence)', 20_000],
  ];
  for (const [name, size] of open) {
    it(`was super-linear: ${name}, n = ${size.toLocaleString("en")} (under 1 MB) checks within a 60 s guard`, function () {
      this.timeout(120_000);
      runGuarded([`${name}=${size}`], 60_000);
    });
  }
});
