// A task type `worklog-lint` so tasks.json (and Run Task) can run the CLI with its problem matcher.
import * as vscode from 'vscode';

interface WorklogLintTask extends vscode.TaskDefinition {
  readonly type: 'worklog-lint';
  readonly paths?: string[];
  readonly fix?: boolean;
}

function build(folder: vscode.WorkspaceFolder, definition: WorklogLintTask, cli: string): vscode.Task {
  const args = [cli, ...(definition.paths ?? ['.']), ...(definition.fix ? ['--fix'] : []), '--no-color'];
  const task = new vscode.Task(definition, folder, definition.fix ? 'check and fix' : 'check', 'worklog-lint',
    new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } }), '$worklog-lint');
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Registers the task provider (desktop and remote hosts; the web host has no processes to run). */
export function registerTasks(context: vscode.ExtensionContext): vscode.Disposable {
  // A web worker has no Node to run the CLI with.
  if (typeof process === 'undefined' || !process.execPath) return new vscode.Disposable(() => undefined);
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  return vscode.tasks.registerTaskProvider('worklog-lint', {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .flatMap((folder) => [build(folder, { type: 'worklog-lint' }, cli), build(folder, { type: 'worklog-lint', fix: true }, cli)]),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? build(folder, task.definition as WorklogLintTask, cli) : undefined;
    },
  });
}
