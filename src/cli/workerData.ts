// What worklog-lint hands its own worker threads. The engine bundle is both a module the main thread requires and the
// script of those workers, so it must tell its own workers from any other thread that happens to load it (a host that
// calls run() from a worker of its own): only a thread started with this mark listens for jobs.
import type { Locale } from './args';

export interface EngineWorkerData {
  readonly worklogLintEngine: true;
  readonly locale: Locale;
  readonly bundlePath?: string;
}

export function engineWorkerData(locale: Locale, bundlePath?: string): EngineWorkerData {
  return { worklogLintEngine: true, locale, bundlePath };
}

/** The data of a worklog-lint worker thread, or undefined for any other thread's data. */
export function asEngineWorkerData(data: unknown): EngineWorkerData | undefined {
  return typeof data === 'object' && data !== null && (data as Partial<EngineWorkerData>).worklogLintEngine === true ? (data as EngineWorkerData) : undefined;
}
