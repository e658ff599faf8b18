// Every contributed command, in one table: the type makes a command in package.json without a handler a compile
// error, and the manifest test checks the table against package.json.
import * as vscode from 'vscode';

export const COMMAND_IDS = [
  'worklog.newWeek',
  'worklog.checkAllWeeks',
  'worklog.refresh',
  'worklog.addTaskRow',
  'worklog.formatTable',
  'worklog.fixAll',
  'worklog.openTwin',
  'worklog.revealInExplorer',
  'worklog.openWeek',
  'worklog.ignoreRule',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandlers = Record<CommandId, (...args: any[]) => unknown>;

export function registerCommands(handlers: CommandHandlers): vscode.Disposable {
  return vscode.Disposable.from(...COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, handlers[id])));
}
