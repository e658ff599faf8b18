// Hovers on dates. (Being built: see the hovers work item.)
import * as vscode from 'vscode';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export class Hovers implements vscode.Disposable {
  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {}
  dispose(): void {
    void this.index;
    void this.config;
  }
}
