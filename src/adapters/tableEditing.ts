// Add Task Row and Format Table. (Being built: see the table editing work item.)
import * as vscode from 'vscode';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export class TableEditing implements vscode.Disposable {
  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {}
  async addTaskRow(): Promise<boolean> {
    void this.index;
    void this.config;
    return false;
  }
  async formatTable(): Promise<boolean> {
    return false;
  }
  dispose(): void {}
}
