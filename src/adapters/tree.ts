// The Weeks sidebar. (Being built: see the Weeks tree work item.)
import * as vscode from 'vscode';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export class WeeksTree implements vscode.Disposable {
  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {}
  async openWeek(uri: vscode.Uri, line = 0): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri);
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at));
  }
  async openTwin(_item?: unknown): Promise<void> {
    void this.index;
    void this.config;
  }
  async revealInExplorer(_item?: unknown): Promise<void> {}
  dispose(): void {}
}
