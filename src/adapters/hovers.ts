// Hovers on dates in task tables and on the front matter date: weekday, ISO week, and where the date lies against the
// page's week. The text comes from core/hover.
import * as vscode from 'vscode';
import { hoverAt } from '../core/hover';
import type { Config } from './config';
import { fromPosition, toRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

export class Hovers implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex, _config: Config) {
    this.registration = vscode.languages.registerHoverProvider({ language: 'markdown' }, this);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // Dates have digits: a hover anywhere else costs one look at the character.
    const range = document.getWordRangeAtPosition(position, /[\d/.-]+/);
    if (!range || !/\d/.test(document.getText(range))) return undefined;
    if (!this.index.isCurrent(document)) this.index.updateDocument(document);
    const entry = this.index.entry(document.uri);
    if (!entry || entry.kind !== 'week' || entry.page.text !== document.getText()) return undefined;
    const hover = hoverAt(entry.page, entry.analysis, fromPosition(position));
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.span));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
