// New Week. (Being built: see the New Week work item.)
import * as vscode from 'vscode';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export async function newWeek(_index: WorkspaceIndex, _config: Config, ..._args: unknown[]): Promise<vscode.Uri[] | undefined> {
  void vscode.window.showErrorMessage('Worklog: New Week is not available yet.');
  return undefined;
}
