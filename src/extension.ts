import * as vscode from 'vscode';

/** Composition root: builds the adapters and hands their disposables to VS Code. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('worklog.checkAllWeeks', () => undefined),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
