// The one place that turns core types into VS Code types.
import * as vscode from 'vscode';
import type { Finding, Fix, Position, Severity, Span } from '../core/model';

export const DOCS_BASE = 'https://github.com/worklog/vscode-worklog/blob/main/docs/rules/';

export function toPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toRange(span: Span): vscode.Range {
  return new vscode.Range(toPosition(span.start), toPosition(span.end));
}

export function fromPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function fromRange(range: vscode.Range): Span {
  return { start: fromPosition(range.start), end: fromPosition(range.end) };
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    default: return vscode.DiagnosticSeverity.Information;
  }
}

/** A diagnostic for a finding: source "worklog", code = rule id linking to the rule's documentation. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.span), finding.message, toSeverity(finding.severity));
  d.source = 'worklog';
  d.code = { value: finding.rule, target: vscode.Uri.parse(`${DOCS_BASE}${finding.rule}.md`) };
  return d;
}

/** The rule id of a diagnostic this extension made, or undefined. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'worklog') return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null && 'value' in code) return String(code.value);
  return typeof code === 'string' ? code : undefined;
}

export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of fix.edits) edit.replace(uri, toRange(e.span), e.newText);
  return edit;
}
