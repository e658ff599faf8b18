// Output formats. Core positions are 0-based UTF-16 offsets counting a BOM as character 0; what people and CI tools
// read is 1-based lines and columns of the visible text, so a BOM is not counted on line 1.
import type { Finding, Severity } from '../core/model';
import type { OutputFormat } from './args';
import { t } from '../core/l10n';

export interface ReportedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  /** The finding has a preferred fix (what --fix applies). */
  readonly fixable: boolean;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixable: number;
  readonly filesChecked: number;
}

/** One finding of the page at `file` as shown: 1-based, BOM not counted. */
export function toReported(file: string, f: Finding, bom: boolean): ReportedFinding {
  const col = (p: { line: number; character: number }): number => p.character + 1 - (bom && p.line === 0 && p.character > 0 ? 1 : 0);
  return {
    file,
    line: f.span.start.line + 1,
    column: col(f.span.start),
    endLine: f.span.end.line + 1,
    endColumn: col(f.span.end),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fixable: f.fixes.some((x) => x.preferred),
  };
}

const ANSI = { red: '31', yellow: '33', cyan: '36', green: '32', dim: '2', bold: '1' } as const;

/** Counted words of the summary, in the user's language (the severity column stays English for problem matchers). */
function plural(n: number, word: 'file' | 'problem' | 'error' | 'warning'): string {
  switch (word) {
    case 'file': return n === 1 ? t('1 file') : t('{0} files', n);
    case 'problem': return n === 1 ? t('1 problem') : t('{0} problems', n);
    case 'error': return n === 1 ? t('1 error') : t('{0} errors', n);
    default: return n === 1 ? t('1 warning') : t('{0} warnings', n);
  }
}

/** `file:line:col severity message rule`, a blank line between files, then a summary line. */
export function formatStylish(items: readonly ReportedFinding[], summary: Summary, color: boolean, fixing: boolean): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const severityColour: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
  const lines: string[] = [];
  let previous: string | undefined;
  for (const r of items) {
    if (previous !== undefined && previous !== r.file) lines.push('');
    previous = r.file;
    const where = paint(ANSI.bold, `${r.file}:${r.line}:${r.column}`);
    const severity = paint(severityColour[r.severity], r.severity.padEnd(7));
    lines.push(`${where}  ${severity}  ${r.message.replace(/\r?\n|\r/g, ' ')}  ${paint(ANSI.dim, r.rule)}`);
  }
  const total = summary.errors + summary.warnings + summary.infos;
  if (items.length > 0) lines.push('');
  if (total === 0) {
    lines.push(paint(ANSI.green, t('✔ 0 problems ({0} checked)', plural(summary.filesChecked, 'file'))));
  } else {
    const worst = summary.errors > 0 ? ANSI.red : summary.warnings > 0 ? ANSI.yellow : ANSI.cyan;
    lines.push(paint(worst, t('✖ {0} ({1}, {2}, {3} info)', plural(total, 'problem'), plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), summary.infos)));
    if (summary.fixable > 0 && !fixing) lines.push(`  ${t('{0} of them can be fixed with --fix', summary.fixable)}`);
  }
  return lines.join('\n') + '\n';
}

export function formatJson(items: readonly ReportedFinding[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}

/** Escapes workflow-command data (the message). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one annotation a finding (info becomes a notice). */
export function formatGithub(items: readonly ReportedFinding[]): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return items.map((r) => {
    const props = [
      `file=${escapeProperty(r.file)}`,
      `line=${r.line}`,
      `col=${r.column}`,
      `endLine=${r.endLine}`,
      `endColumn=${r.endColumn}`,
      `title=${escapeProperty(`worklog(${r.rule})`)}`,
    ].join(',');
    return `::${command[r.severity]} ${props}::${escapeData(r.message)}\n`;
  }).join('');
}

export function formatReport(format: OutputFormat, items: readonly ReportedFinding[], summary: Summary, color: boolean, fixing: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(items);
    case 'github':
      return formatGithub(items);
    case 'stylish':
      return formatStylish(items, summary, color, fixing);
  }
}
