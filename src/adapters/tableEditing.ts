// Add Task Row and Format Table, and range formatting of task tables. The edits are planned in core (completion,
// tableFormat); each command applies them as one edit, so one undo restores the table.
import * as vscode from 'vscode';
import { analyzePage } from '../core/analysis';
import { planAddTaskRow } from '../core/completion';
import { parsePage } from '../core/parse';
import type { TextEdit } from '../core/model';
import { formatTableEdits, formatTaskTablesInRange, tableAt } from '../core/tableFormat';
import { LineIndex } from '../core/text';
import { todayDate } from './completions';
import type { Config } from './config';
import { toPosition, toRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

export class TableEditing implements vscode.DocumentRangeFormattingEditProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {
    this.registration = vscode.languages.registerDocumentRangeFormattingEditProvider({ language: 'markdown' }, this);
  }

  /** Inserts a row for the next working day after the cursor's row (or at the end of its table); the cursor goes to its task cell. */
  async addTaskRow(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return false;
    const document = editor.document;
    const { page, analysis } = this.pageOf(document);
    const settings = this.config.settingsFor(document.uri);
    const plan = planAddTaskRow(page, analysis, settings, { line: editor.selection.active.line, character: editor.selection.active.character }, todayDate());
    if (!plan) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Worklog: this page has no task table to add a row to.'));
      return false;
    }
    const version = document.version;
    const ok = await editor.edit((builder) => builder.insert(toPosition(plan.edit.span.start), plan.edit.newText));
    if (!ok || document.version === version) return false;
    const cursor = toPosition(plan.cursor);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(cursor, cursor));
    return true;
  }

  /** Lays out the pipe table under the cursor with aligned columns. */
  async formatTable(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return false;
    const index = new LineIndex(editor.document.getText());
    const block = tableAt(index, editor.selection.active.line);
    if (!block) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Worklog: the cursor is not in a table.'));
      return false;
    }
    const edits = formatTableEdits(index, block);
    if (edits.length === 0) return false;
    return editor.edit((builder) => {
      for (const e of edits) builder.replace(toRange(e.span), e.newText);
    });
  }

  /** Format Selection (and Format Document, through VS Code): the task tables the range touches, nothing else. */
  provideDocumentRangeFormattingEdits(document: vscode.TextDocument, range: vscode.Range): vscode.TextEdit[] {
    const edits: TextEdit[] = formatTaskTablesInRange(new LineIndex(document.getText()), range.start.line, range.end.line);
    return edits.map((e) => vscode.TextEdit.replace(toRange(e.span), e.newText));
  }

  /** The page as the index knows it (with its worklog's hints), or parsed here for a Markdown file outside any worklog. */
  private pageOf(document: vscode.TextDocument): { page: ReturnType<typeof parsePage>; analysis: ReturnType<typeof analyzePage> } {
    if (!this.index.isCurrent(document)) this.index.updateDocument(document);
    const entry = this.index.entry(document.uri);
    if (entry && entry.page.text === document.getText()) return { page: entry.page, analysis: entry.analysis };
    const settings = this.config.settingsFor(document.uri);
    const page = parsePage(this.index.pathOf(document.uri), document.getText());
    return { page, analysis: analyzePage(page, settings) };
  }

  dispose(): void {
    this.registration.dispose();
  }
}
