// Context keys for menus: `worklog.isWorklogPage` is true while the active editor shows a worklog page.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

export function trackContextKeys(index: WorkspaceIndex): vscode.Disposable {
  let last: boolean | undefined;
  const update = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const value = uri !== undefined && index.isPage(uri);
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', 'worklog.isWorklogPage', value);
  };
  update();
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), index.onDidChange(update));
}
