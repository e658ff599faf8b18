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


export const KNOWN_ISSUES: readonly KnownIssue[] = [];

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
