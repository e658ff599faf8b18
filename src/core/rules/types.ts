import type { PageAnalysis } from '../analysis';
import type { Report, Severity, WorklogPage } from '../model';
import type { WorklogSettings } from '../settings';
import type { Worklog } from '../workspace';

export interface PageRuleContext {
  readonly page: WorklogPage;
  readonly analysis: PageAnalysis;
  readonly settings: WorklogSettings;
}

/** A check of one page: reads the parsed page and its analysis, and reports. It never reads files or settings stores. */
export interface PageRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly scope: 'page';
  /** Which pages the rule looks at (default: week pages). */
  readonly appliesTo?: readonly ('week' | 'index')[];
  check(context: PageRuleContext, report: (finding: Report) => void): void;
}

/** A check across the weeks of one worklog; reports are addressed to a page by its path. */
export interface WorklogRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly scope: 'worklog';
  check(worklog: Worklog, settings: WorklogSettings, report: (path: string, finding: Report) => void): void;
}

export type Rule = PageRule | WorklogRule;
