// Bugs the fuzzer found that are reported and not fixed yet. Each has a failing regression test (it.skip) with its
// minimal input in test/unit/fuzz-regressions/. While an issue is open, a fuzz case that fails only because of it
// counts as "known" instead of failing the run, so the fuzzer keeps looking for new bugs. When the core owner fixes
// one: delete its entry here and turn its it.skip into it.
import { PropertyViolation } from './properties';

export interface KnownIssue {
  readonly id: string;
  /** The regression fixture with the minimal input. */
  readonly fixture: string;
  readonly summary: string;
  /** True when this violation on a case with these page texts is explained by the issue. */
  matches(violation: PropertyViolation, texts: readonly string[]): boolean;
}

/** A carriage return not followed by a line feed: Markdown ends a line there, the engine's LineIndex does not. */
const LONE_CR = /\r(?!\n)/;
/** A line ending in whitespace that JavaScript's trim() removes but Markdown does not. */
const UNICODE_SPACE_AT_END = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff][ \t]*\r?(?:\n|$)/;

export const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    id: 'lone-cr-line-mismatch',
    fixture: 'lone-cr-in-table.json',
    summary: 'a lone CR makes remark count more lines than LineIndex: table rows and objectives land on the wrong (or a missing) line',
    matches: (_v, texts) => texts.some((t) => LONE_CR.test(t)),
  },
  {
    id: 'lone-pipe-row-padding',
    fixture: 'lone-pipe-row.json',
    summary: 'a row that is a lone "|" counts as closed: "Add N empty cell(s)" adds one cell too few',
    // The row keeps too few cells: its finding stays (removes-finding) or changes its count (introduces-error).
    matches: (v, texts) => /removes-finding$|introduces-error$/.test(v.property) && /"Add \d+ empty cell\(s\)"/.test(v.message) && texts.some((t) => /(?:^|\n)[ \t]*\|[ \t]*\r?(?:\n|$)/.test(t)),
  },
  {
    id: 'unicode-space-row-end',
    fixture: 'nbsp-after-last-cell.json',
    summary: 'a row ending in Unicode whitespace (NBSP, BOM, U+3000…): JS trimEnd drops it, Markdown keeps it as cell text, so "Add N empty cell(s)" lands before it and makes one cell too many',
    matches: (v, texts) => /removes-finding$|introduces-error$/.test(v.property) && /table-columns/.test(v.message) && texts.some((t) => UNICODE_SPACE_AT_END.test(t)),
  },
  {
    id: 'toml-line-separator-in-title',
    fixture: 'toml-line-separator-in-title.json',
    summary: 'U+2028/U+2029 in a TOML value hides its key from TOML_KEY: frontmatter-required adds a duplicate key',
    matches: (v, texts) => texts.some((t) => /[\u2028\u2029]/.test(t)) && /frontmatter-/.test(v.message),
  },
  {
    id: 'order-flips-after-fix',
    fixture: 'order-flips-after-fix.json',
    summary: 'a date fix changes the inferred day/month order, and the fixed date is reported again',
    matches: (v) => /removes-finding$/.test(v.property) && new Set(v.message.match(/\(\d+[/.-]\d+[/.-]\d+ – \d+[/.-]\d+[/.-]\d+\)/g) ?? []).size >= 2,
  },
  {
    id: 'broken-row-continues-with-pipe',
    fixture: 'broken-row-continues-with-pipe.json',
    summary: '"Join the two lines" keeps the leading pipe of the second line: the joined row has one cell too many',
    matches: (v) => /removes-finding$|introduces-error$/.test(v.property) && v.message.includes('"Join the two lines') && /cell(?:s|\(s\)) but the header has/.test(v.message),
  },
  {
    id: 'out-of-week-fix-before-start',
    fixture: 'out-of-week-fix-before-start.json',
    summary: 'a date-outside-week proposal ignores the row\'s other date: the fixed completion date is before the start date (date-order)',
    matches: (v) => v.property === 'fix-introduces-error' && /introduce date-order /.test(v.message) && /fixes[^\n]*"Change to [^"]*\((?:month typo|year typo|day typo|day and month swapped)[^"]*\)"/.test(v.message),
  },
];

export const knownHits = new Map<string, number>();

/** Runs `fn`; a violation explained by an open issue is counted instead of thrown. */
export function withKnownIssues<T>(texts: readonly string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof PropertyViolation)) throw e;
    const issue = KNOWN_ISSUES.find((k) => k.matches(e, texts));
    if (!issue) throw e;
    knownHits.set(issue.id, (knownHits.get(issue.id) ?? 0) + 1);
    return undefined;
  }
}

export async function withKnownIssuesAsync<T>(texts: readonly string[], fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof PropertyViolation)) throw e;
    const issue = KNOWN_ISSUES.find((k) => k.matches(e, texts));
    if (!issue) throw e;
    knownHits.set(issue.id, (knownHits.get(issue.id) ?? 0) + 1);
    return undefined;
  }
}
