// Installs the offline VS Code (code-server 4.100.3 into .vscode-test/) before the unit tests, so the one unit test that
// needs VS Code's own Markdown and YAML grammars (test/unit/grammar.test.ts) runs on a fresh machine too. A failure is
// only reported: the unit tests still run (that test skips), and the integration run reports the install problem.
import { ensureCodeServer } from './lib/codeServer.mjs';

try {
  await ensureCodeServer();
} catch (error) {
  console.error(`[code-server] not installed (${error instanceof Error ? error.message : String(error)}); the grammar comparison test will skip`);
}
