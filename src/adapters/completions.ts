// Completions in task tables. (Being built: see the completions work item.)
import * as vscode from 'vscode';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export class Completions implements vscode.Disposable {
  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {}
  dispose(): void {
    void this.index;
    void this.config;
  }
}
