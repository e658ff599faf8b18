// The engine: runs the registry over pages and worklogs, applies configured severities, validates what rules
// report (ranges inside the text) and applies fixes.
import { analyzePage, classifyPage, type PageAnalysis, type PageHints } from './analysis';
import type { Finding, Fix, Report, Severity, Span, WorklogPage } from './model';
import { parsePage, type ParseOptions } from './parse';
import { PAGE_RULES, WORKLOG_RULES } from './rules';
import type { PageRule } from './rules/types';
import type { WorklogSettings } from './settings';
import { applyEdits, comparePositions, editsOverlap } from './text';
import { buildWorklog, groupWorklogs, type Worklog } from './workspace';
import { memoSlot } from './memo';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function severityFor(ruleId: string, fallback: Severity, settings: WorklogSettings, lowered?: Severity): Severity | undefined {
  const configured = settings.rules[ruleId] ?? fallback;
  if (configured === 'off') return undefined;
  return lowered && RANK[lowered] < RANK[configured] ? lowered : configured;
}

function spanInside(span: Span, page: WorklogPage): boolean {
  const idx = page.lineIndex;
  const ok = (p: Span['start']): boolean => p.line >= 0 && p.line < idx.lineCount && p.character >= 0 && p.character <= idx.lineEnd(p.line) - idx.starts[p.line];
  return ok(span.start) && ok(span.end) && comparePositions(span.start, span.end) <= 0;
}

function textAt(page: WorklogPage, span: Span): string {
  return page.text.slice(page.lineIndex.offsetAt(span.start), page.lineIndex.offsetAt(span.end));
}

/** Turns a rule's report into a finding, or drops it (rule off, or a range outside the text: a rule bug, never shown). */
function toFinding(ruleId: string, fallback: Severity, report: Report, page: WorklogPage, settings: WorklogSettings): Finding | undefined {
  const severity = severityFor(ruleId, fallback, settings, report.severity);
  if (!severity || !spanInside(report.span, page)) return undefined;
  // A fix must stay inside the text and change something (a no-op "fix" would be offered forever).
  const fixes = (report.fixes ?? []).filter((f: Fix) => f.edits.every((e) => spanInside(e.span, page)) && f.edits.some((e) => textAt(page, e.span) !== e.newText));
  return { rule: ruleId, severity, span: report.span, message: report.message, fixes };
}

function appliesTo(rule: PageRule, kind: string): boolean {
  return (rule.appliesTo ?? ['week']).includes(kind as 'week');
}

/** Findings of the page rules for one page (no cross-week rules): what the editor shows while a page is typed in. */
export function checkPage(page: WorklogPage, settings: WorklogSettings, hints?: PageHints, analysis: PageAnalysis = analyzePage(page, settings, hints)): Finding[] {
  const out: Finding[] = [];
  if (analysis.kind === 'other' || analysis.kind === 'day') return out;
  const context = { page, analysis, settings };
  for (const rule of PAGE_RULES) {
    if (!appliesTo(rule, analysis.kind) || settings.rules[rule.id] === 'off') continue;
    rule.check(context, (r) => {
      const f = toFinding(rule.id, rule.defaultSeverity, r, page, settings);
      if (f) out.push(f);
    });
  }
  return sortFindings(out);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => comparePositions(a.span.start, b.span.start) || comparePositions(a.span.end, b.span.end) || a.rule.localeCompare(b.rule));
}

const pageFindings = memoSlot<PageAnalysis, { settings: WorklogSettings; findings: readonly Finding[] }>('pageFindings');

/** Findings for every page of one worklog: page rules with the worklog's hints, and the cross-week rules. */
export function checkWorklog(worklog: Worklog, settings: WorklogSettings): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const pages = new Map<string, WorklogPage>();
  for (const e of [...worklog.weeks, ...worklog.indexes]) {
    pages.set(e.page.path, e.page);
    // Page rules depend on the page, its analysis and the settings only: an unchanged page keeps its findings.
    const hit = pageFindings.get(e.analysis);
    const own = hit && hit.settings === settings ? hit.findings : checkPage(e.page, settings, undefined, e.analysis);
    if (!hit || hit.settings !== settings) pageFindings.set(e.analysis, { settings, findings: own });
    out.set(e.page.path, [...own]);
  }
  for (const rule of WORKLOG_RULES) {
    if (settings.rules[rule.id] === 'off') continue;
    rule.check(worklog, settings, (path, r) => {
      const page = pages.get(path);
      if (!page) return;
      const f = toFinding(rule.id, rule.defaultSeverity, r, page, settings);
      if (f) out.get(path)!.push(f);
    });
  }
  for (const list of out.values()) sortFindings(list);
  return out;
}

/** Checks a set of pages as a workspace: groups them into worklogs and checks each (pages outside any worklog too). */
export function checkPages(pages: readonly WorklogPage[], settings: WorklogSettings): { findings: Map<string, Finding[]>; worklogs: Worklog[] } {
  const classified = pages.map((page) => ({ page, kind: classifyPage(page) }));
  const groups = groupWorklogs(classified);
  const findings = new Map<string, Finding[]>();
  const worklogs: Worklog[] = [];
  for (const g of groups.values()) {
    const worklog = buildWorklog(g.dir, g.pages, settings);
    worklogs.push(worklog);
    for (const [path, list] of checkWorklog(worklog, settings)) findings.set(path, list);
  }
  return { findings, worklogs };
}

/** The preferred fixes of a set of findings that can be applied together (the first of two overlapping ones wins). */
export function compatibleFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    if (chosen.some((c) => editsOverlap(c.edits, fix.edits))) continue;
    chosen.push(fix);
  }
  return chosen;
}

/**
 * Applies the preferred fixes of a page until none is left (a fix can reveal another finding: a repaired delimiter
 * row makes a table whose rows are then checked). `check` gives the findings of a text.
 */
export function fixText(text: string, check: (text: string) => Finding[], maxPasses = 8): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = compatibleFixes(check(current));
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((f) => f.edits));
    if (next === current) break;
    applied += fixes.length;
    current = next;
  }
  return { text: current, applied };
}

/** Parses and checks one page alone (no worklog): convenient for tests and single-file use. */
export function checkText(path: string, text: string, settings: WorklogSettings, options?: ParseOptions): Finding[] {
  return checkPage(parsePage(path, text, options), settings);
}
