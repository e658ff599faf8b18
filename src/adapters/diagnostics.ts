// Publishes the index's findings as diagnostics: only for the pages whose results changed, never clearing others.
import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { IndexChange, WorkspaceIndex } from './workspaceIndex';

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('worklog');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables.push(index.onDidChange((change) => this.publish(change)));
  }

  private publish(change: IndexChange): void {
    // During the start-up scan a worklog may still miss pages: its findings are published when the scan ends.
    if (change.outlineOnly) return;
    for (const key of change.removed) this.collection.delete(vscode.Uri.parse(key));
    for (const key of change.uris) {
      const uri = vscode.Uri.parse(key);
      const findings = this.index.findings(uri);
      if (findings === undefined) this.collection.delete(uri);
      else this.collection.set(uri, findings.map(toDiagnostic));
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
