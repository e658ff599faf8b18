// Quick fixes computed in core, offered as code actions; fix-all for the page (source.fixAll.worklog, usable on
// save); and "ignore this rule in this worklog". Every change is one WorkspaceEdit: one undo restores the text.
import * as vscode from 'vscode';
import { compatibleFixes } from '../core/engine';
import { applyEdits } from '../core/text';
import type { Finding } from '../core/model';
import { ruleOf, toRange, toWorkspaceEdit } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('worklog');

/** Same rule, same range: the diagnostic that shows this finding. */
function matches(d: vscode.Diagnostic, f: Finding): boolean {
  return ruleOf(d) === f.rule && d.range.isEqual(toRange(f.span));
}

/** The text after applying every preferred fix until none is left (checked against the rest of the worklog). */
export function fixAllText(index: WorkspaceIndex, document: vscode.TextDocument): string | undefined {
  let text = document.getText();
  const original = text;
  let findings = index.isCurrent(document) ? index.findings(document.uri) ?? [] : index.draftFindings(document.uri, text);
  for (let pass = 0; pass < 8; pass++) {
    const fixes = compatibleFixes(findings);
    if (fixes.length === 0) break;
    const next = applyEdits(text, fixes.flatMap((f) => f.edits));
    if (next === text) break;
    text = next;
    findings = index.draftFindings(document.uri, text);
  }
  return text === original ? undefined : text;
}

/** One edit replacing only the part of the document that changed. */
export function minimalEdit(document: vscode.TextDocument, next: string): vscode.WorkspaceEdit {
  const before = document.getText();
  let start = 0;
  while (start < before.length && start < next.length && before[start] === next[start]) start++;
  let endBefore = before.length;
  let endNext = next.length;
  while (endBefore > start && endNext > start && before[endBefore - 1] === next[endNext - 1]) {
    endBefore--;
    endNext--;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(endBefore)), next.slice(start, endNext));
  return edit;
}

export class CodeActions implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };
  private readonly registration: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.registration = vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, this, CodeActions.metadata);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // The findings must be those of this very version; otherwise the ranges would point at other text.
    if (!this.index.isCurrent(document)) this.index.updateDocument(document);
    const findings = this.index.findings(document.uri);
    if (!findings) return [];
    const out: vscode.CodeAction[] = [];
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      const text = fixAllText(this.index, document);
      if (text !== undefined) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all worklog problems'), FIX_ALL_KIND);
        action.edit = minimalEdit(document, text);
        out.push(action);
      }
      return out;
    }
    const worklogDiagnostics = context.diagnostics.filter((d) => d.source === 'worklog');
    const ignored = new Set<string>();
    for (const finding of findings) {
      const diagnostic = worklogDiagnostics.find((d) => matches(d, finding));
      if (!diagnostic && !toRange(finding.span).intersection(range)) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix);
        action.isPreferred = fix.preferred;
        if (diagnostic) action.diagnostics = [diagnostic];
        out.push(action);
      }
      if (diagnostic && !ignored.has(finding.rule)) {
        ignored.add(finding.rule);
        const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore "{0}" in this worklog', finding.rule), vscode.CodeActionKind.QuickFix);
        ignore.command = { command: 'worklog.ignoreRule', title: ignore.title, arguments: [finding.rule, document.uri] };
        ignore.diagnostics = [diagnostic];
        out.push(ignore);
      }
    }
    if (findings.some((f) => f.fixes.some((x) => x.preferred)) && worklogDiagnostics.length > 0) {
      const all = new vscode.CodeAction(vscode.l10n.t('Fix all worklog problems in this page'), vscode.CodeActionKind.QuickFix);
      all.command = { command: 'worklog.fixAll', title: all.title, arguments: [document.uri] };
      out.push(all);
    }
    return out;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/** Turns a rule off for the worklog's workspace folder (the setting is written where the user can see it). */
export async function ignoreRule(rule: string, uri: vscode.Uri | undefined): Promise<void> {
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
  const section = vscode.workspace.getConfiguration('worklog', folder?.uri);
  const current = section.inspect<Record<string, string>>('rules');
  const target = folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const existing = (target === vscode.ConfigurationTarget.WorkspaceFolder ? current?.workspaceFolderValue : current?.workspaceValue) ?? {};
  await section.update('rules', { ...existing, [rule]: 'off' }, target);
}

/** Applies fix-all to a page as one undoable edit. */
export async function fixAll(index: WorkspaceIndex, uri: vscode.Uri | undefined): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  index.updateDocument(document);
  const text = fixAllText(index, document);
  if (text === undefined) return false;
  return vscode.workspace.applyEdit(minimalEdit(document, text));
}
