// Check All Weeks, and the background pass at start-up: reads every worklog page with progress, cancellable,
// in batches that leave the editor responsive.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

/** The start-up pass: quiet (window progress), after activation returned. */
export function backgroundScan(index: WorkspaceIndex): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Worklog: checking weeks') },
    () => index.scan(),
  );
}

/** The command: a cancellable notification, then a summary. Returns the number of findings. */
export async function checkAllWeeks(index: WorkspaceIndex): Promise<number> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Worklog: checking all weeks'), cancellable: true },
    async (_progress, token) => {
      await index.rescan(token);
      let pages = 0;
      let findings = 0;
      for (const path of index.pagePaths()) {
        pages++;
        const uri = index.uriOf(path);
        findings += uri ? index.findings(uri)?.length ?? 0 : 0;
      }
      if (!token.isCancellationRequested) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Worklog: {0} problems in {1} pages', findings, pages), 5000);
      }
      return findings;
    },
  );
}
