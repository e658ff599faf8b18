// Runtime messages go through `t`, so the editor can hand in vscode.l10n.t and the CLI its own bundle. The message
// text is the key (as with vscode.l10n); `{0}`, `{1}` … are replaced by the arguments.

export type Translator = (message: string, args: readonly (string | number)[]) => string;

/** Replaces {0}, {1} … with the arguments. */
export function format(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

let translator: Translator = format;

/** Installs the translator used for every message from now on (the editor's l10n, or the CLI's bundle). */
export function setTranslator(next: Translator | undefined): void {
  translator = next ?? format;
}

/** The message in the user's language. */
export function t(message: string, ...args: (string | number)[]): string {
  return translator(message, args);
}
