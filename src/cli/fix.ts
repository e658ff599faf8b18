// --fix over a group of pages checked together. A page's fixes are applied with core fixText, each pass re-checking
// the page inside its whole group (cross-week findings depend on the other pages), one page at a time so two pages
// never apply fixes computed against each other's old text. A few rounds let fixes on one page settle findings on
// another.
import { compatibleFixes, fixText } from '../core/engine';
import type { Finding } from '../core/model';

/** Findings of every page of a group, given the current text of each page. */
export type GroupChecker = (texts: ReadonlyMap<string, string>) => Map<string, Finding[]>;

export interface GroupFixResult {
  /** The final text of every page (unchanged pages keep their text). */
  readonly texts: Map<string, string>;
  /** Number of fixes applied per changed page. */
  readonly applied: Map<string, number>;
  /** Findings of the final texts. */
  readonly findings: Map<string, Finding[]>;
}

/**
 * Applies the preferred fixes to the pages of one group (only to `fixable` ones when given: the others are context)
 * until none is left or `maxRounds` rounds are done.
 */
export function fixGroup(initial: ReadonlyMap<string, string>, check: GroupChecker, fixable?: ReadonlySet<string>, maxRounds = 4): GroupFixResult {
  const texts = new Map(initial);
  const applied = new Map<string, number>();
  let findings = check(texts);
  const paths = [...texts.keys()].filter((p) => !fixable || fixable.has(p)).sort();
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const path of paths) {
      if (compatibleFixes(findings.get(path) ?? []).length === 0) continue;
      const before = texts.get(path)!;
      let checked = before;
      let result: { text: string; applied: number };
      try {
        result = fixText(before, (text) => {
          texts.set(path, text);
          checked = text;
          findings = check(texts);
          return findings.get(path) ?? [];
        });
      } catch {
        // A fix whose own edits overlap (applyEdits refuses them): leave this page as it was.
        result = { text: before, applied: 0 };
      }
      texts.set(path, result.text);
      if (checked !== result.text) findings = check(texts);
      if (result.text !== before) {
        changed = true;
        applied.set(path, (applied.get(path) ?? 0) + result.applied);
      }
    }
    if (!changed) break;
  }
  return { texts, applied, findings };
}
