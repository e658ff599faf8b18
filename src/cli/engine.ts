// The engine half of worklog-lint: parsing and the rules, bundled on its own (dist/engine.js). The main thread loads it
// only when a page has to be checked or fixed, so a run the cache answers never pays for loading it; worker threads
// (large runs) run it too, checking whole worklogs sent by the main thread — only threads started with worklog-lint's
// mark (./workerData): loaded in any other thread it is just a module. Messages are translated here with the same
// bundle as the main thread (this bundle has its own copy of the core's translator).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkPages } from '../core/engine';
import type { Finding, WorklogPage } from '../core/model';
import { parsePage } from '../core/parse';
import type { WorklogSettings } from '../core/settings';
import type { Locale } from './args';
import { loadTranslator } from './locale';
import { asEngineWorkerData } from './workerData';

export { fixGroup } from './fix';

/** Installs the message language for this bundle's copy of the core. */
export function useLocale(locale: Locale, bundlePath?: string): void {
  loadTranslator(locale, bundlePath);
}

/**
 * A checker for pages under one settings: findings of every page given, by path. A page whose text has not changed
 * since the last call is not parsed again (--fix re-checks a worklog after every change to one of its pages).
 */
export function checkerFor(settings: WorklogSettings, onParse?: () => void): (texts: ReadonlyMap<string, string>) => Map<string, Finding[]> {
  const parsedPages = new Map<string, { text: string; page: WorklogPage }>();
  return (texts) => {
    const pages: WorklogPage[] = [];
    for (const [path, text] of texts) {
      let p = parsedPages.get(path);
      if (!p || p.text !== text) {
        onParse?.();
        p = { text, page: parsePage(path, text, { maxSize: settings.maxFileSize }) };
        parsedPages.set(path, p);
      }
      pages.push(p.page);
    }
    return checkPages(pages, settings).findings;
  };
}

interface Job {
  readonly id: number;
  readonly settings: WorklogSettings;
  readonly texts: [string, string][];
}

const ownWorker = isMainThread ? undefined : asEngineWorkerData(workerData);
if (ownWorker && parentPort) {
  const port = parentPort;
  useLocale(ownWorker.locale, ownWorker.bundlePath);
  port.on('message', (job: Job) => {
    try {
      const findings = checkerFor(job.settings)(new Map(job.texts));
      port.postMessage({ id: job.id, findings: [...findings], parsed: job.texts.length });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
