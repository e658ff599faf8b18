// Entry point of the worklog-lint bundle (dist/cli.js): runs once and reports through process.exitCode, so pending
// output is flushed before Node exits. Nothing escapes as an uncaught exception.
import { run } from './run';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `worklog-lint | head` closes the pipe early: not an error worth a stack trace.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`worklog-lint: cannot write the output: ${e.code ?? e.message}\n`);
  process.exit(2);
});

run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`worklog-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
