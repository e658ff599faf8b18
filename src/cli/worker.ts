// A worker thread of worklog-lint: checks whole worklogs (parse + checkPages) sent by the main thread. Messages are
// translated here with the same bundle as the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { checkPages } from '../core/engine';
import { parsePage } from '../core/parse';
import type { WorklogSettings } from '../core/settings';
import { loadTranslator } from './locale';
import type { Locale } from './args';

interface Job {
  readonly id: number;
  readonly settings: WorklogSettings;
  readonly texts: [string, string][];
}

const data = workerData as { locale: Locale; bundlePath?: string };
loadTranslator(data.locale, data.bundlePath);

parentPort?.on('message', (job: Job) => {
  try {
    const pages = job.texts.map(([path, text]) => parsePage(path, text, { maxSize: job.settings.maxFileSize }));
    const { findings } = checkPages(pages, job.settings);
    parentPort!.postMessage({ id: job.id, findings: [...findings], parsed: pages.length });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
