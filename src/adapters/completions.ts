// Completions in task tables of worklog pages: dates of the week in a date cell, the next label in a day cell, a whole
// row on a new line. The items come from core/completion; this maps them to VS Code's.
import * as vscode from 'vscode';
import { makeDate } from '../core/calendar';
import { completionsAt, type WorklogCompletion } from '../core/completion';
import type { Config } from './config';
import { fromPosition, toRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

/** `|` starts a cell or a row; a space after it is where people pause. */
export const TRIGGER_CHARACTERS = ['|', ' '];

const KINDS: Record<WorklogCompletion['kind'], vscode.CompletionItemKind> = {
  date: vscode.CompletionItemKind.Constant,
  day: vscode.CompletionItemKind.EnumMember,
  row: vscode.CompletionItemKind.Snippet,
};

export function todayDate(): ReturnType<typeof makeDate> {
  const now = new Date();
  return makeDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export class Completions implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {
    this.registration = vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, this, ...TRIGGER_CHARACTERS);
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    // Only lines that can be in a table: most keystrokes in prose end here.
    const line = document.lineAt(position.line).text;
    if (!line.includes('|') && line.trim() !== '') return undefined;
    if (!this.index.isCurrent(document)) this.index.updateDocument(document);
    const entry = this.index.entry(document.uri);
    if (!entry || entry.kind !== 'week' || entry.page.text !== document.getText()) return undefined;
    const items = completionsAt({
      page: entry.page,
      analysis: entry.analysis,
      settings: this.config.settingsFor(document.uri),
      position: fromPosition(position),
      today: todayDate(),
    });
    if (items.length === 0) return undefined;
    return items.map((item) => toCompletionItem(item));
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function toCompletionItem(item: WorklogCompletion): vscode.CompletionItem {
  const result = new vscode.CompletionItem({ label: item.label, description: item.description }, KINDS[item.kind]);
  result.detail = item.detail;
  result.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  result.range = toRange(item.span);
  result.filterText = item.filterText;
  result.sortText = item.sortText;
  result.preselect = item.preselect;
  return result;
}
