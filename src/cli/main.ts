// Entry point of the worklog-lint bundle (dist/cli.js): runs once, and exits with its code once its output is
// flushed. Nothing escapes as an uncaught exception.
import { tuneJit } from './jit';
import { run } from './run';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `worklog-lint | head` closes the pipe early: not an error worth a stack trace.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`worklog-lint: cannot write the output: ${e.code ?? e.message}\n`);
  process.exit(2);
});

run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, beforeEngine: (pages) => void tuneJit(pages, process.env) }).then(
  (code) => {
    process.exitCode = code;
    // Leave as soon as everything written has been handed over: nothing else is pending, and tearing down the event
    // loop and the heap of a large run the usual way took a few milliseconds more (measured on the warm 2,000-page
    // run). A write's callback comes once the stream has flushed it (or failed to: the exit code stands).
    const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => void stream.write('', () => resolve()));
    void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`worklog-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
