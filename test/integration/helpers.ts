// Shared by the integration suites: waiting on the diagnostics of a page (on VS Code's change event, never on time) and
// reading a diagnostic's rule id.
import * as vscode from 'vscode';

/** How long an event may take before a wait fails (a deadline that turns a hang into a clear failure). */
export const WAIT_MS = 45000;

/** The rule id of a diagnostic (its code, plain or with a link target). */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/**
 * Resolves with the worklog diagnostics of `uri` once `accept` holds for them: checked at once, then on every
 * diagnostics change of that page. Rejects at the deadline with what the page shows then.
 */
export function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const worklog = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'worklog');
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(worklog().map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.severity, d.message]))}`));
    }, ms);
    const check = (): boolean => {
      const current = worklog();
      if (!accept(current)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(current);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}
