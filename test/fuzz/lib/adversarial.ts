// Inputs built to make a backtracking regular expression (or a quadratic loop) take forever, aimed at the regexes of
// src/core through its public functions: dates.ts DATE_RE and plainCellText, parse.ts HEADING/DELIMITER_ROW/FENCE and
// the table and list readers, frontMatter.ts NEAR_MISS/KEY_LINE/TOML_KEY, weeks.ts WEEK_WORD, the rules' patterns.
// Run as a script it checks the named inputs and prints one JSON line per input, so a test can run it in a child
// process under a time guard (a runaway regex cannot be interrupted in-process):
//   node --require tsx/cjs test/fuzz/lib/adversarial.ts <name[=size]>...
import { checkPages } from '../../../src/core/engine';
import { parsePage } from '../../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

export interface AdversarialInput {
  readonly path: string;
  readonly text: string;
}

const WEEK = 'content/1-Worklog/1.1-Week1/_index.md';
const INDEX = 'content/1-Worklog/_index.md';
const FM = '---\ntitle: "Week 1 Worklog"\ndate: 2025-09-08\nweight: 1\n---\n';
const HEAD = '| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n';
const row = (day: string, task: string, start: string, end = '08/09/2025'): string => `| ${day} | ${task} | ${start} | ${end} |\n`;
const week = (body: string): AdversarialInput => ({ path: WEEK, text: FM + body });
const rep = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Default size: 100,000 characters of the hostile run. */
export const DEFAULT_SIZE = 100_000;

export const ADVERSARIAL: Record<string, (n: number) => AdversarialInput> = {
  'digits and slashes in a date cell': (n) => week(HEAD + row('Mon', 'x', rep('1/', n))),
  'digits and dashes in a date cell': (n) => week(HEAD + row('Mon', 'x', rep('1-', n))),
  'digits and dots in a date cell': (n) => week(HEAD + row('Mon', 'x', rep('10.', n))),
  'long digit run in a date cell': (n) => week(HEAD + row('Mon', 'x', rep('1', n) + '/09/2025')),
  'digits and slashes in a day cell': (n) => week(HEAD + row(rep('2/', n), 'x', '08/09/2025')),
  'digits and slashes in a heading': (n) => week(`### ${rep('1/', n)}\n`),
  'dashes after the front matter': (n) => week(rep('-', n) + '\n'),
  'dashes as the first line': (n) => ({ path: WEEK, text: rep('-', n) + '\ntitle: x\n---\n' }),
  'spaced dashes as the first line': (n) => ({ path: WEEK, text: rep('- ', n) + 'x\ntitle: x\n---\n' }),
  'dashes inside the front matter': (n) => ({ path: WEEK, text: `---\ntitle: x\n${rep('-', n)}x\n---\n` }),
  'dashes as a delimiter row': (n) => week(`| Day | Start Date |\n|${rep('-', n)}|\n`),
  'dashes and pipes as a delimiter row': (n) => week(`| Day | Start Date |\n${rep('|-', n)}x\n`),
  'spaces in a delimiter row': (n) => week(`| Day | Start Date |\n| ${rep(' ', n)}-x\n`),
  'dashes in a cell': (n) => week(HEAD + row('Mon', rep('-', n), '08/09/2025')),
  'pipes as a header row': (n) => week(rep('| ', n) + '\n| --- |\n'),
  'pipes as a table row': (n) => week(HEAD + rep('| ', n) + '\n'),
  'pipes in the body': (n) => week(rep('| ', n) + '\n'),
  'escaped pipes in a cell': (n) => week(HEAD + row('Mon', rep('\\|', n), '08/09/2025')),
  'stars in a cell': (n) => week(HEAD + row('Mon', rep('*', n), '08/09/2025')),
  'stars in a heading': (n) => week(`## ${rep('*', n)}\n`),
  'stars and underscores in a cell': (n) => week(HEAD + row('Mon', rep('*_', n), '08/09/2025')),
  'less-than signs in a cell': (n) => week(HEAD + row('Mon', rep('<', n), '08/09/2025')),
  'unclosed tags in a cell': (n) => week(HEAD + row('Mon', rep('<br ', n), '08/09/2025')),
  'less-than signs in a heading': (n) => week(`## ${rep('<', n)}\n`),
  'brackets in the body': (n) => week(rep('[', n) + '\n'),
  'brackets in the objectives': (n) => week(`### Objectives\n\n* ${rep('[', n)}\n`),
  'nested list markers in the objectives': (n) => week(`### Objectives\n\n${rep('* ', n)}\n`),
  'brackets in a cell': (n) => week(HEAD + row('Mon', rep('[', n), '08/09/2025')),
  'brackets in a YAML value': (n) => ({ path: WEEK, text: `---\ntitle: "Week 1"\nx: ${rep('[', n)}\n---\n` }),
  'brackets in a TOML value': (n) => ({ path: WEEK, text: `+++\ntitle = "Week 1"\nx = ${rep('[', n)}\n+++\n` }),
  'spaces in a TOML value': (n) => ({ path: WEEK, text: `+++\ntitle = "Week 1"\nx = ${rep(' ', n)}x\n+++\n` }),
  'spaces in a YAML value': (n) => ({ path: WEEK, text: `---\ntitle: "Week 1"\nx: ${rep(' ', n)}x #\n---\n` }),
  'hashes as a heading': (n) => week(rep('#', n) + '\n'),
  'spaces in a heading': (n) => week(`# ${rep(' ', n)}x\n`),
  'spaced hashes in a heading': (n) => week(`# x${rep(' #', n)} x\n`),
  'fence markers': (n) => week(rep('`', n) + '\n' + rep('~', n) + '\n'),
  'comment openers': (n) => week(rep('<!--', n) + '\n'),
  'week words': (n) => week(`## ${rep('week ', n)}x\n`),
  'week and separators': (n) => week(`## week${rep('-', n)}x\n`),
  'spaces in a link': (n) => ({ path: INDEX, text: `---\ntitle: "Worklog"\n---\n[a](${rep(' ', n)}\n` }),
  'template-like lines of spaces': (n) => week(rep(`${' '.repeat(1999)}x\n`, n)),
  'day label ranges': (n) => week(HEAD + row(rep('Mon - ', n), 'x', '08/09/2025')),
  'Vietnamese letters': (n) => week(`## ${rep('tuần ', n)}\n`),
  'a long path': (n) => ({ path: `content/${rep('week-1/', n)}_index.md`, text: FM + HEAD + row('Mon', 'x', '08/09/2025') }),
};

/**
 * Inputs on which the engine is known to be super-linear (open bugs, reported with measurements): HEADING and TOML_KEY
 * backtrack over a run of spaces before a character `.` does not match; yaml's uniqueKeys check is quadratic in the
 * keys; LINK rescans the rest of the line from every "]("; day-sequence looks up each row's start date with a linear
 * search.
 */
export const SUPERLINEAR: Record<string, (n: number) => AdversarialInput> = {
  'heading: "#", spaces, a lone CR': (n) => week(`# ${' '.repeat(n)}\rx\n`),
  'heading: "#", spaces, U+2028': (n) => week(`# ${' '.repeat(n)}\u2028x\n`),
  'TOML key: spaces, U+2028': (n) => ({ path: WEEK, text: `+++\ntitle = "Week 1"\nx = ${' '.repeat(n)}\u2028x\n+++\n` }),
  'YAML front matter with n keys': (n) => ({ path: WEEK, text: `---\ntitle: "Week 1 Worklog"\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n---\n` }),
  'links on an index page: "](" repeated': (n) => ({ path: INDEX, text: `---\ntitle: "Worklog"\n---\n${rep('](', n)}\n` }),
  'table with n rows (day-sequence)': (n) => week(HEAD + Array.from({ length: n }, (_, i) => row(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][i % 5], `task ${i}`, `${String(8 + (i % 5)).padStart(2, '0')}/09/2025`)).join('')),
};

export interface CheckTiming {
  readonly name: string;
  readonly size: number;
  readonly chars: number;
  readonly ms: number;
  readonly findings: number;
  readonly skipped?: string;
}

/** Parses and checks one input (as a workspace of one page, at the default settings). */
export function timeInput(name: string, make: (n: number) => AdversarialInput, size: number): CheckTiming {
  const input = make(size);
  const started = process.hrtime.bigint();
  const page = parsePage(input.path, input.text, { maxSize: DEFAULT_SETTINGS.maxFileSize });
  const { findings } = checkPages([page], DEFAULT_SETTINGS);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  return { name, size, chars: input.text.length, ms, findings: findings.get(input.path)?.length ?? 0, skipped: page.skipped };
}

if (require.main === module) {
  for (const arg of process.argv.slice(2)) {
    const [name, size] = arg.split('=');
    const make = ADVERSARIAL[name] ?? SUPERLINEAR[name];
    if (!make) throw new Error(`unknown input ${name}`);
    // The line before the work names the input: when the guard kills the process, the last "start" is the culprit.
    process.stdout.write(JSON.stringify({ start: name }) + '\n');
    process.stdout.write(JSON.stringify(timeInput(name, make, size ? Number(size) : DEFAULT_SIZE)) + '\n');
  }
}
