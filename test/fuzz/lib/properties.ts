// The properties every page must satisfy, whatever its text: the engine never throws, every range it reports lies
// inside the text, every fix applies, applying the preferred fixes converges and removes what they fix, and the CLI's
// JSON output stays valid. Each check throws an Error that says what broke (fast-check shrinks from there).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { run, type RunStats } from '../../../src/cli/run';
import { toReported } from '../../../src/cli/formatters';
import { decode } from '../../../src/cli/textFile';
import { fixGroup } from '../../../src/cli/fix';
import { checkPage, checkPages, compatibleFixes, fixText } from '../../../src/core/engine';
import type { Finding, Fix, Position, Report, Span, TextEdit, WorklogPage } from '../../../src/core/model';
import { parsePage } from '../../../src/core/parse';
import { PAGE_RULES, RULE_IDS, WORKLOG_RULES } from '../../../src/core/rules';
import type { WorklogSettings } from '../../../src/core/settings';
import { applyEdits } from '../../../src/core/text';
import type { Worklog } from '../../../src/core/workspace';

// -----------------------------------------------------------------------------------------------------------------
// Positions, computed independently of the engine's LineIndex.

export interface Lines {
  readonly starts: readonly number[];
  /** Length of each line without its line break (\n, or \r\n: one \r before \n is part of the break). */
  readonly lengths: readonly number[];
}

/** The lines of a text as VS Code and Markdown see them: a line ends at \n, \r\n or a lone \r (written independently of LineIndex). */
export function linesOf(text: string): Lines {
  const starts: number[] = [];
  const lengths: number[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(start);
    lengths.push(m.index - start);
    start = m.index + m[0].length;
  }
  starts.push(start);
  lengths.push(text.length - start);
  return { starts, lengths };
}

function positionInside(p: Position, lines: Lines): boolean {
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.lengths.length && p.character >= 0 && p.character <= lines.lengths[p.line];
}

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function spanProblem(span: Span, lines: Lines): string | undefined {
  if (!span || !span.start || !span.end) return 'not a span';
  if (!positionInside(span.start, lines)) return `start ${fmt(span.start)} outside the text (${lines.lengths.length} lines, line length ${lines.lengths[span.start.line] ?? 'n/a'})`;
  if (!positionInside(span.end, lines)) return `end ${fmt(span.end)} outside the text (${lines.lengths.length} lines, line length ${lines.lengths[span.end.line] ?? 'n/a'})`;
  if (cmp(span.start, span.end) > 0) return `start ${fmt(span.start)} after end ${fmt(span.end)}`;
  return undefined;
}

function fmt(p: Position): string {
  return `${p.line}:${p.character}`;
}

function offsetOf(lines: Lines, p: Position): number {
  return lines.starts[p.line] + p.character;
}

export class PropertyViolation extends Error {
  constructor(readonly property: string, detail: string) {
    super(`[${property}] ${detail}`);
  }
}

function violated(property: string, detail: string): never {
  throw new PropertyViolation(property, detail);
}

function describeFinding(f: Finding | Report & { rule?: string }): string {
  return `${(f as Finding).rule ?? '?'} ${fmt(f.span.start)}-${fmt(f.span.end)} "${f.message}"`;
}

/** Checks that a fix's edits lie inside the text, do not overlap, and apply. */
export function checkFix(text: string, lines: Lines, fix: Fix, owner: string): void {
  const resolved: { start: number; end: number; edit: TextEdit }[] = [];
  for (const e of fix.edits) {
    const p = spanProblem(e.span, lines);
    if (p) violated('fix-inside', `${owner}: fix "${fix.title}" edit ${JSON.stringify(e)}: ${p}`);
    if (typeof e.newText !== 'string') violated('fix-inside', `${owner}: fix "${fix.title}" has a non-string newText`);
    resolved.push({ start: offsetOf(lines, e.span.start), end: offsetOf(lines, e.span.end), edit: e });
  }
  resolved.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].start < resolved[i - 1].end) violated('fix-edits-disjoint', `${owner}: fix "${fix.title}" has overlapping edits ${JSON.stringify(resolved[i - 1].edit)} and ${JSON.stringify(resolved[i].edit)}`);
  }
  try {
    applyEdits(text, fix.edits);
  } catch (e) {
    violated('fix-applies', `${owner}: fix "${fix.title}" does not apply: ${(e as Error).message}`);
  }
}

/** Every finding's span and every fix of it lie inside `text`. */
export function checkFindings(text: string, findings: readonly Finding[], where: string): void {
  const lines = linesOf(text);
  for (const f of findings) {
    const p = spanProblem(f.span, lines);
    if (p) violated('finding-inside', `${where}: ${describeFinding(f)}: ${p}`);
    if (!RULE_IDS.includes(f.rule)) violated('finding-shape', `${where}: unknown rule ${f.rule}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') violated('finding-shape', `${where}: ${f.rule} has an empty message`);
    for (const fix of f.fixes) checkFix(text, lines, fix, `${where}: ${describeFinding(f)}`);
  }
}

/** Every span the parser put in the page (headings, cells, dates, front matter keys/values…) lies inside the text. */
export function checkParsedSpans(page: WorklogPage): void {
  if (page.skipped) return;
  const lines = linesOf(page.text);
  if (page.lineCount !== lines.lengths.length) violated('parse-lines', `${page.path}: lineCount ${page.lineCount}, the text has ${lines.lengths.length} lines`);
  const seen = new Set<unknown>();
  const visit = (value: unknown, trail: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value) visit(v, `${trail}.${String(k)}`);
      return;
    }
    const o = value as Record<string, unknown>;
    const isPos = (x: unknown): x is Position => !!x && typeof x === 'object' && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
    if (isPos(o.start) && isPos(o.end)) {
      const p = spanProblem(o as unknown as Span, lines);
      if (p) violated('parse-span-inside', `${page.path}: ${trail}: ${p}`);
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      // Parsed front matter values are the page's own data; the line index is the engine's.
      if (k === 'value' || k === 'lineIndex' || k === 'text') continue;
      visit(v, Array.isArray(o) ? `${trail}[${k}]` : `${trail}.${k}`);
    }
  };
  visit(page, 'page');
}

// -----------------------------------------------------------------------------------------------------------------
// What rules report before the engine filters it: a report outside the text is silently dropped by the engine (a lost
// finding), so the probe sees the raw reports.

export interface RawReport {
  readonly rule: string;
  readonly path: string;
  readonly text: string | undefined;
  readonly report: Report;
}

let sink: RawReport[] | undefined;
const originals = new Map<object, unknown>();

/** Wraps every rule's check so raw reports are recorded while `sink` is set (a pass-through otherwise). */
export function installReportProbe(): void {
  if (originals.size > 0) return;
  for (const rule of PAGE_RULES) {
    const original = rule.check;
    originals.set(rule, original);
    (rule as { check: typeof original }).check = function (this: unknown, context, report) {
      return original.call(this, context, (r: Report) => {
        sink?.push({ rule: rule.id, path: context.page.path, text: context.page.text, report: r });
        report(r);
      });
    };
  }
  for (const rule of WORKLOG_RULES) {
    const original = rule.check;
    originals.set(rule, original);
    (rule as { check: typeof original }).check = function (this: unknown, worklog: Worklog, settings, report) {
      const texts = new Map([...worklog.weeks, ...worklog.indexes].map((e) => [e.page.path, e.page.text]));
      return original.call(this, worklog, settings, (p: string, r: Report) => {
        sink?.push({ rule: rule.id, path: p, text: texts.get(p), report: r });
        report(p, r);
      });
    };
  }
}

export function uninstallReportProbe(): void {
  for (const rule of [...PAGE_RULES, ...WORKLOG_RULES]) {
    const original = originals.get(rule);
    if (original) (rule as { check: unknown }).check = original;
  }
  originals.clear();
}

export function recordReports<T>(fn: () => T): { result: T; reports: RawReport[] } {
  const previous = sink;
  const reports: RawReport[] = [];
  sink = reports;
  try {
    return { result: fn(), reports };
  } finally {
    sink = previous;
  }
}

/** Raw reports lie inside their page (else the engine drops them and the finding is lost). */
export function checkRawReports(reports: readonly RawReport[]): void {
  for (const r of reports) {
    if (r.text === undefined) violated('report-page', `${r.rule} reported on ${r.path}, which is not a page of the worklog`);
    const lines = linesOf(r.text);
    const p = spanProblem(r.report.span, lines);
    if (p) violated('report-inside', `${r.path}: rule ${r.rule} reported ${fmt(r.report.span.start)}-${fmt(r.report.span.end)} "${r.report.message}": ${p} (the engine drops it: the finding is lost)`);
  }
}

// -----------------------------------------------------------------------------------------------------------------
// Fixes: applied the way fix-all applies them (core fixText), pass by pass.

export interface ConvergenceOptions {
  /** Errors that appear on lines a fix edited are reported as introduced by the fix. */
  readonly checkIntroducedErrors?: boolean;
  readonly checkFixedFindingsGone?: boolean;
}

export interface ConvergenceStats {
  passes: number;
  applied: number;
  /** New errors elsewhere on the page once a fix made more of it readable (e.g. a repaired table's rows). */
  revealed: number;
}

function mapper(before: string, edits: readonly TextEdit[]): { map: (offset: number) => number; ranges: { start: number; end: number }[] } {
  const lines = linesOf(before);
  const resolved = edits.map((e) => ({ start: offsetOf(lines, e.span.start), end: offsetOf(lines, e.span.end), newText: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  const ranges: { start: number; end: number }[] = [];
  let delta = 0;
  for (const e of resolved) {
    ranges.push({ start: e.start + delta, end: e.start + delta + e.newText.length });
    delta += e.newText.length - (e.end - e.start);
  }
  const map = (offset: number): number => {
    let d = 0;
    for (const e of resolved) {
      if (e.end <= offset && !(e.start === e.end && e.start === offset)) d += e.newText.length - (e.end - e.start);
      else if (e.start < offset) return e.start + d;
    }
    return offset + d;
  };
  return { map, ranges };
}

function fmtOffset(lines: Lines, offset: number): string {
  const line = lineAt(lines, offset);
  return `${line}:${offset - lines.starts[line]}`;
}

function lineAt(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Runs core fixText with `check` (fix-all), then checks the passes: no preferred fix is left at the end, a finding a
 * pass fixed is not there at the end (same rule at the same start, mapped through the edits), and no pass writes an
 * error into the text it changed (an error elsewhere was revealed: a repaired table's rows are read).
 */
export function checkConvergence(text: string, check: (t: string) => Finding[], label: string, options: ConvergenceOptions = {}): ConvergenceStats {
  const { checkIntroducedErrors = true, checkFixedFindingsGone = true } = options;
  const passes: { text: string; findings: Finding[] }[] = [];
  const result = fixText(text, (t) => {
    const findings = check(t);
    passes.push({ text: t, findings });
    return findings;
  });
  const last = passes[passes.length - 1];
  const finalFindings = last && last.text === result.text ? last.findings : check(result.text);
  if (!last || last.text !== result.text) passes.push({ text: result.text, findings: finalFindings });
  checkFindings(result.text, finalFindings, `${label} after fixing`);
  const left = compatibleFixes(finalFindings);
  if (left.length > 0) {
    violated('fix-converges', `${label}: after ${passes.length - 1} passes (${result.applied} fixes) preferred fixes are still offered: ${left.map((f) => `"${f.title}" ${JSON.stringify(f.edits)}`).join('; ')}\nfinal text: ${JSON.stringify(result.text)}`);
  }
  const stats: ConvergenceStats = { passes: passes.length - 1, applied: result.applied, revealed: 0 };
  const suspects: { rule: string; offset: number; detail: string }[] = [];
  for (let i = 0; i + 1 < passes.length; i++) {
    const before = passes[i];
    const after = passes[i + 1];
    const chosen = compatibleFixes(before.findings);
    if (chosen.length === 0) continue;
    const edits = chosen.flatMap((f) => f.edits);
    const expected = applyEdits(before.text, edits);
    if (expected !== after.text) violated('fix-pass', `${label}: pass ${i + 1} did not produce the text of its fixes`);
    const { map, ranges } = mapper(before.text, edits);
    const beforeLines = linesOf(before.text);
    const afterLines = linesOf(after.text);
    const chosenSet = new Set(chosen);
    // A finding is identified by its rule and where it starts (mapped through the edits): a fix may legitimately
    // reveal another finding of the same rule on the same line (an escaped pipe re-aligns the row's cells).
    const key = (rule: string, offset: number): string => `${rule}@${fmtOffset(afterLines, offset)}`;
    const count = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    const beforeAll = new Map<string, number>();
    const beforeErrors = new Map<string, number>();
    const fixed = new Map<string, Finding>();
    const fixedCount = new Map<string, number>();
    for (const f of before.findings) {
      const k = key(f.rule, map(offsetOf(beforeLines, f.span.start)));
      count(beforeAll, k);
      if (f.severity === 'error') count(beforeErrors, `${f.rule}: ${f.message}`);
      const fix = f.fixes.find((x) => x.preferred);
      if (fix && chosenSet.has(fix)) {
        count(fixedCount, k);
        fixed.set(k, f);
      }
    }
    const afterAll = new Map<string, number>();
    const afterErrors = new Map<string, Finding[]>();
    for (const f of after.findings) {
      const k = key(f.rule, offsetOf(afterLines, f.span.start));
      count(afterAll, k);
      // Errors are compared by rule and message: the same error may move (a block-relative position).
      const e = `${f.rule}: ${f.message}`;
      if (f.severity === 'error') afterErrors.set(e, [...(afterErrors.get(e) ?? []), f]);
    }
    // Suspects of earlier passes follow the text; a fix of this pass that leaves its finding becomes one. Two fixes of
    // one pass may depend on each other (a date swap and a day label computed from the old start date): the next pass
    // settles that, so only a finding still there at the end counts.
    for (const sus of suspects) sus.offset = map(sus.offset);
    if (checkFixedFindingsGone) {
      for (const [k, n] of fixedCount) {
        const remaining = afterAll.get(k) ?? 0;
        const allowed = (beforeAll.get(k) ?? 0) - n;
        if (remaining > allowed) {
          const f = fixed.get(k)!;
          const fix = f.fixes.find((x) => x.preferred)!;
          const offset = map(offsetOf(beforeLines, f.span.start));
          suspects.push({ rule: f.rule, offset, detail: `pass ${i + 1}: the preferred fix "${fix.title}" ${JSON.stringify(fix.edits)} of ${describeFinding(f)} leaves ${remaining} finding(s) ${k} (at most ${allowed} expected): ${after.findings.filter((x) => key(x.rule, offsetOf(afterLines, x.span.start)) === k).map(describeFinding).join('; ')}\ntext before: ${JSON.stringify(before.text)}\ntext after: ${JSON.stringify(after.text)}` });
        }
      }
    }
    for (const [k, list] of afterErrors) {
      if (list.length <= (beforeErrors.get(k) ?? 0)) continue;
      // An error inside text a fix wrote was introduced by it; anywhere else it was revealed (a repaired table's rows).
      const introduced = list.filter((f) => {
        const a = offsetOf(afterLines, f.span.start);
        const b = offsetOf(afterLines, f.span.end);
        return ranges.some((r) => (r.start === r.end ? false : a < r.end && b > r.start));
      });
      if (introduced.length > 0 && checkIntroducedErrors) {
        violated('fix-introduces-error', `${label}: pass ${i + 1}: fixes ${chosen.map((c) => `"${c.title}" ${JSON.stringify(c.edits)}`).join('; ')} introduce ${introduced.map(describeFinding).join('; ')}\ntext before: ${JSON.stringify(before.text)}\ntext after: ${JSON.stringify(after.text)}`);
      }
      stats.revealed += list.length - introduced.length;
    }
  }
  const finalLines = linesOf(result.text);
  for (const sus of suspects) {
    if (finalFindings.some((f) => f.rule === sus.rule && offsetOf(finalLines, f.span.start) === sus.offset)) {
      violated('fix-all-removes-finding', `${label}: ${sus.detail}\nfinal text: ${JSON.stringify(result.text)}`);
    }
  }
  return stats;
}

/**
 * Each preferred fix applied alone, as a quick fix is: its finding is gone from the re-checked text (same rule at the
 * same start, mapped through the fix's edits; another finding of the rule there must have been there before).
 */
export function checkEachFix(text: string, findings: readonly Finding[], check: (t: string) => Finding[], label: string, limit = 6): number {
  const lines = linesOf(text);
  let checked = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || checked >= limit) continue;
    checked++;
    const after = applyEdits(text, fix.edits);
    const { map } = mapper(text, fix.edits);
    const afterLines = linesOf(after);
    const at = map(offsetOf(lines, f.span.start));
    const before = findings.filter((x) => x.rule === f.rule && map(offsetOf(lines, x.span.start)) === at).length;
    const remaining = check(after).filter((x) => x.rule === f.rule && offsetOf(afterLines, x.span.start) === at);
    if (remaining.length > before - 1) {
      violated('fix-removes-finding', `${label}: the quick fix "${fix.title}" ${JSON.stringify(fix.edits)} of ${describeFinding(f)} leaves ${remaining.map(describeFinding).join('; ')}\ntext before: ${JSON.stringify(text)}\ntext after: ${JSON.stringify(after)}`);
    }
  }
  return checked;
}

// -----------------------------------------------------------------------------------------------------------------
// One page, one workspace.

export interface PageCheckStats {
  findings: number;
  fixes: number;
  convergence?: ConvergenceStats;
}

/** All single-page properties for `text` at `path`. */
/** Where two readings of a page differ (tables, broken tables, objectives), or undefined. */
export function readingDifference(a: WorklogPage, b: WorklogPage): string | undefined {
  for (const key of ['tables', 'brokenTables', 'objectives'] as const) {
    const x = JSON.stringify(a[key]);
    const y = JSON.stringify(b[key]);
    if (x !== y) {
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      return `${key} differ at …${x.slice(Math.max(0, i - 80), i + 80)}… vs …${y.slice(Math.max(0, i - 80), i + 80)}…`;
    }
  }
  return undefined;
}

export function checkPageProperties(pagePath: string, text: string, settings: WorklogSettings, options: { fix?: boolean } = {}): PageCheckStats {
  const page = parsePage(pagePath, text, { maxSize: settings.maxFileSize });
  checkParsedSpans(page);
  const { result: findings, reports } = recordReports(() => checkPage(page, settings));
  checkRawReports(reports);
  checkFindings(text, findings, pagePath);
  // Same text, same findings: nothing depends on state left by an earlier check — and the page read by remark alone
  // (tables and lists the plain reader would take are handed to remark) reads and checks the same.
  const reference = parsePage(pagePath, text, { maxSize: settings.maxFileSize, reference: true });
  const problem = readingDifference(page, reference);
  if (problem) violated('plain-reading', `${pagePath}: the plain reader and remark read this page differently: ${problem}`);
  const again = checkPage(reference, settings);
  if (JSON.stringify(again) !== JSON.stringify(findings)) violated('deterministic', `${pagePath}: a second check of the same text gives other findings`);
  const stats: PageCheckStats = { findings: findings.length, fixes: findings.reduce((n, f) => n + f.fixes.length, 0) };
  if (options.fix !== false && findings.some((f) => f.fixes.some((x) => x.preferred))) {
    const recheck = (t: string): Finding[] => checkPage(parsePage(pagePath, t, { maxSize: settings.maxFileSize }), settings);
    checkEachFix(text, findings, recheck, pagePath);
    stats.convergence = checkConvergence(text, recheck, pagePath);
  }
  return stats;
}

export function checkPagesOf(files: readonly { path: string; text: string }[], settings: WorklogSettings): Map<string, Finding[]> {
  const pages = files.map((f) => parsePage(f.path, f.text, { maxSize: settings.maxFileSize }));
  return checkPages(pages, settings).findings;
}

/** Workspace properties: checkPages never throws, ranges inside each page, fix-all over the group converges. */
export function checkWorkspaceProperties(files: readonly { path: string; text: string }[], settings: WorklogSettings): { findings: number } {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const f of files) checkParsedSpans(parsePage(f.path, f.text, { maxSize: settings.maxFileSize }));
  const { result: findings, reports } = recordReports(() => checkPagesOf(files, settings));
  checkRawReports(reports);
  let total = 0;
  for (const [p, list] of findings) {
    const text = texts.get(p);
    if (text === undefined) violated('finding-page', `findings for ${p}, which was not given`);
    checkFindings(text, list, p);
    total += list.length;
  }
  const check = (ts: ReadonlyMap<string, string>): Map<string, Finding[]> => checkPagesOf([...ts].map(([p, t]) => ({ path: p, text: t })), settings);
  const fixed = fixGroup(texts, check);
  for (const [p, list] of fixed.findings) {
    checkFindings(fixed.texts.get(p)!, list, `${p} after fixing`);
    const left = compatibleFixes(list);
    if (left.length > 0) {
      violated('fix-converges', `workspace: ${p} still offers preferred fixes after fix-all: ${left.map((f) => `"${f.title}" ${JSON.stringify(f.edits)}`).join('; ')}\nfinal texts: ${JSON.stringify(Object.fromEntries(fixed.texts))}`);
    }
  }
  return { findings: total };
}

// -----------------------------------------------------------------------------------------------------------------
// The CLI, in-process, on a temp workspace.

class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stats: RunStats;
}

export async function runCliIn(cwd: string, argv: readonly string[]): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stats: RunStats = { filesRead: 0, pagesParsed: 0, groups: 0, cacheHits: 0, filesWritten: 0 };
  const code = await run(argv, { cwd, stdout, stderr, stats, env: {}, bundlePath: path.join(cwd, 'no-bundle.json') });
  return { code, stdout: stdout.text, stderr: stderr.text, stats };
}

export function tempWorkspace(files: readonly { path: string; data: string | Buffer }[]): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-fuzz-')));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const f of files) {
    const abs = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.data);
  }
  return dir;
}

const REPORTED_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'fixable'].sort();

/**
 * `worklog-lint --format json` on these files: valid JSON, every item has exactly the documented fields with sane
 * values, stderr is one line per note/problem, and the findings per file are the engine's for the text as decoded.
 */
export async function checkCliJson(files: readonly { path: string; data: string | Buffer }[], settings: WorklogSettings, extraArgs: readonly string[] = []): Promise<CliRun> {
  const dir = tempWorkspace(files);
  try {
    const r = await runCliIn(dir, ['--format', 'json', ...extraArgs]);
    let items: unknown;
    try {
      items = JSON.parse(r.stdout);
    } catch (e) {
      violated('cli-json', `stdout is not JSON (${(e as Error).message}): ${JSON.stringify(r.stdout.slice(0, 500))}`);
    }
    if (!Array.isArray(items)) violated('cli-json', 'stdout is not a JSON array');
    if (![0, 1, 2].includes(r.code)) violated('cli-exit', `exit code ${r.code}`);
    for (const line of r.stderr.split('\n').slice(0, -1)) {
      if (!/^(?:note: |worklog-lint: )\S/.test(line)) violated('cli-stderr', `stderr line is not a note or a worklog-lint message: ${JSON.stringify(line)}`);
    }
    if (r.stderr !== '' && !r.stderr.endsWith('\n')) violated('cli-stderr', 'stderr does not end with a line break');
    if (r.code === 2 && !/^worklog-lint: /m.test(r.stderr)) violated('cli-exit', `exit 2 without a problem on stderr: ${JSON.stringify(r.stderr)}`);
    if (/^worklog-lint: internal error/m.test(r.stderr)) violated('cli-internal-error', r.stderr);
    // What the engine says about the same texts, decoded as the CLI decodes them.
    const decoded = files.map((f) => {
      const bytes = typeof f.data === 'string' ? Buffer.from(f.data) : f.data;
      return { path: f.path, bytes, text: decode(bytes).text };
    });
    const readable = decoded.filter((d) => !d.text.includes('\u0000') && d.bytes.length <= settings.maxFileSize);
    const expected = checkPagesOf(readable, settings);
    for (const item of items as Record<string, unknown>[]) {
      const keys = Object.keys(item).sort();
      if (JSON.stringify(keys) !== JSON.stringify(REPORTED_KEYS)) violated('cli-json-fields', `item fields ${keys.join(',')}`);
      const file = readable.find((d) => d.path === item.file);
      if (!file) violated('cli-json-fields', `item for an unknown or skipped file ${String(item.file)}`);
      for (const k of ['line', 'column', 'endLine', 'endColumn']) {
        if (!Number.isInteger(item[k]) || (item[k] as number) < 1) violated('cli-json-fields', `${k} is ${String(item[k])}`);
      }
      const lines = linesOf(file.text);
      if ((item.endLine as number) > lines.lengths.length || (item.line as number) > (item.endLine as number)) violated('cli-json-fields', `lines ${String(item.line)}-${String(item.endLine)} outside ${lines.lengths.length} lines`);
      if (!['error', 'warning', 'info'].includes(item.severity as string)) violated('cli-json-fields', `severity ${String(item.severity)}`);
      if (!RULE_IDS.includes(item.rule as string)) violated('cli-json-fields', `rule ${String(item.rule)}`);
      if (typeof item.message !== 'string' || item.message === '') violated('cli-json-fields', 'empty message');
      if (typeof item.fixable !== 'boolean') violated('cli-json-fields', 'fixable is not a boolean');
    }
    if (!extraArgs.includes('--fix')) {
      // Nothing lost or invented on the way out: the same findings, at the same 1-based positions.
      const show = (r: Record<string, unknown>): string => JSON.stringify([r.file, r.line, r.column, r.endLine, r.endColumn, r.severity, r.rule, r.message, r.fixable]);
      const want = readable.flatMap((d) => (expected.get(d.path) ?? []).map((f) => show(toReported(d.path, f, d.text.charCodeAt(0) === 0xfeff) as unknown as Record<string, unknown>))).sort();
      const got = (items as Record<string, unknown>[]).map(show).sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        const missing = want.filter((w) => !got.includes(w));
        const extra = got.filter((g) => !want.includes(g));
        violated('cli-matches-engine', `the CLI's findings differ from the engine's: missing ${missing.join('; ') || '-'}; extra ${extra.join('; ') || '-'}`);
      }
    }
    return r;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// -----------------------------------------------------------------------------------------------------------------
// Running properties with a seed and counting the cases.

export const counts = new Map<string, number>();

export function totalCases(): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

function failureMessage<Ts>(name: string, details: fc.RunDetails<Ts>, seed: number, baseSeed: number): string {
  const where = path.join(os.tmpdir(), 'worklog-fuzz-failures');
  let saved = '';
  try {
    fs.mkdirSync(where, { recursive: true });
    const file = path.join(where, `${name.replace(/\W+/g, '-')}-${seed}.json`);
    fs.writeFileSync(file, JSON.stringify({ property: name, seed, path: details.counterexamplePath, counterexample: details.counterexample, error: String(details.errorInstance) }, null, 2));
    saved = `\ncounterexample saved to ${file}`;
  } catch {
    // Reporting is best effort.
  }
  const error = details.errorInstance instanceof Error ? details.errorInstance.stack ?? details.errorInstance.message : String(details.errorInstance);
  return `${fc.defaultReportMessage(details)}\n${error}\nreplay: FUZZ_SEED=${baseSeed} FUZZ_ONLY=${name} FUZZ_PATH=${details.counterexamplePath ?? ''} npm run fuzz${saved}`;
}

export interface RunParams {
  readonly seed: number;
  readonly numRuns: number;
  readonly path?: string;
  /** The suite's seed (each property runs with seed + k), for the replay line. */
  readonly baseSeed?: number;
}

export function runProperty<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, params: RunParams): void {
  const details = fc.check(fc.property(arb, (v) => {
    predicate(v);
  }), { seed: params.seed, numRuns: params.numRuns, path: params.path, endOnFailure: false });
  counts.set(name, (counts.get(name) ?? 0) + details.numRuns);
  if (details.failed) throw new Error(failureMessage(name, details, params.seed, params.baseSeed ?? params.seed));
}

export async function runAsyncProperty<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, params: RunParams): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arb, async (v) => {
    await predicate(v);
  }), { seed: params.seed, numRuns: params.numRuns, path: params.path, endOnFailure: false });
  counts.set(name, (counts.get(name) ?? 0) + details.numRuns);
  if (details.failed) throw new Error(failureMessage(name, details, params.seed, params.baseSeed ?? params.seed));
}
