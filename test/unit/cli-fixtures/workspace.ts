// Small Hugo worklog workspaces for the CLI tests, written to a fresh temp folder per test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type RunStats } from '../../../src/cli/run';

export interface WeekRow {
  readonly day: string;
  readonly task: string;
  readonly start: string;
  readonly end: string;
  readonly ref?: string;
}

/** A week page as the Hugo worklog template lays it out (English). */
export function weekPage(week: number, date: string, objectives: readonly string[], rows: readonly WeekRow[]): string {
  return [
    '---',
    `title: "Week ${week} Worklog"`,
    `date: ${date}`,
    `weight: ${week}`,
    'chapter: false',
    `pre: " <b> 1.${week}. </b> "`,
    '---',
    '',
    `### Week ${week} Objectives:`,
    '',
    ...objectives.map((o) => `* ${o}`),
    '',
    '### Tasks to be carried out this week:',
    '',
    '| Day | Task | Start Date | Completion Date | Reference Material |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.day} | ${r.task} | ${r.start} | ${r.end} | ${r.ref ?? ''} |`),
    '',
    `### Week ${week} Achievements:`,
    '',
    '* Finished what was planned.',
    '',
  ].join('\n');
}

export function indexPage(weeks: readonly number[]): string {
  return [
    '---',
    'title: "Worklog"',
    'date: 2025-09-08',
    'weight: 1',
    'chapter: false',
    'pre: " <b> 1. </b> "',
    '---',
    '',
    'What I did each week of the internship:',
    '',
    ...weeks.map((w) => `**Week ${w}:** [Week ${w} notes](1.${w}-week${w}/)\n`),
  ].join('\n');
}

export const WEEK1_ROWS: readonly WeekRow[] = [
  { day: '2', task: 'Meet the team and read the onboarding notes', start: '08/09/2025', end: '08/09/2025', ref: '<https://example.org/onboarding>' },
  { day: '3', task: 'Create a cloud account and turn on MFA', start: '09/09/2025', end: '09/09/2025' },
  { day: '4', task: 'Install the CLI and configure a profile', start: '10/09/2025', end: '10/09/2025' },
  { day: '5', task: 'Read about regions and availability zones', start: '11/09/2025', end: '12/09/2025' },
];

export const WEEK2_ROWS: readonly WeekRow[] = [
  { day: '2', task: 'Sketch a network with two subnets', start: '15/09/2025', end: '15/09/2025' },
  { day: '3', task: 'Add a route table and an internet gateway', start: '16/09/2025', end: '17/09/2025' },
  { day: '5', task: 'Launch a small instance in the public subnet', start: '18/09/2025', end: '19/09/2025' },
];

export const WEEK1 = weekPage(1, '2025-09-08', ['Get to know the team', 'Set up the accounts and tools'], WEEK1_ROWS);
export const WEEK2 = weekPage(2, '2025-09-15', ['Learn virtual networks, subnets and routing'], WEEK2_ROWS);
/** Week 1 with one mistyped start date (an extra leading zero): row 4 of the table, line 21 of the page. */
export const WEEK1_BAD = WEEK1.replace('| 5 | Read about regions and availability zones | 11/09/2025 |', '| 5 | Read about regions and availability zones | 011/09/2025 |');

/** A worklog with two clean weeks, under `prefix` (e.g. `content/1-Worklog`). */
export function worklogFiles(prefix = 'content/1-Worklog', week1 = WEEK1): Record<string, string> {
  return {
    [`${prefix}/_index.md`]: indexPage([1, 2]),
    [`${prefix}/1.1-Week1/_index.md`]: week1,
    [`${prefix}/1.2-Week2/_index.md`]: WEEK2,
  };
}

/** A fresh temp folder with `files` written into it (a `.git` folder marks it as a repository root). */
export function makeWorkspace(files: Record<string, string | Buffer>, git = true): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-cli-')));
  if (git) fs.mkdirSync(path.join(dir, '.git'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function removeWorkspace(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stats: RunStats;
}

class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs worklog-lint in-process in `cwd`. */
export async function runCli(cwd: string, argv: readonly string[], extra: { env?: Record<string, string | undefined>; tty?: boolean; bundlePath?: string; beforeWrite?: (p: string) => void | Promise<void>; now?: () => number } = {}): Promise<CliResult> {
  const stdout = new Capture(extra.tty);
  const stderr = new Capture();
  const stats: RunStats = { filesRead: 0, pagesParsed: 0, groups: 0, cacheHits: 0, filesWritten: 0 };
  const code = await run(argv, {
    cwd, stdout, stderr, stats, env: extra.env ?? {}, bundlePath: extra.bundlePath ?? path.join(cwd, 'no-bundle.json'), beforeWrite: extra.beforeWrite, now: extra.now,
  });
  return { code, stdout: stdout.text, stderr: stderr.text, stats };
}
