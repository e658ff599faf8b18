import { t } from '../l10n';
import type { Fix } from '../model';
import { memoByString } from '../memo';
import { weekInText } from '../weeks';
import type { WorklogRule } from './types';

/** The URL path Hugo gives a page (lower-cased): a section or bundle page is its folder, other pages drop `.md`. */
const urlOf: (path: string) => string = memoByString(readUrl);

function readUrl(path: string): string {
  const noExt = path.replace(/(\.(en|vi))?\.(md|markdown)$/i, '');
  const url = /(^|\/)_?index$/i.test(noExt) ? noExt.replace(/\/?_?index$/i, '') : noExt;
  return url.replace(/(^|\/)content\/(en|vi)(?=\/|$)/i, '$1content').toLowerCase();
}

/** A link target resolved against the index page's folder (remembered: the index's links are resolved on every change). */
const resolved = memoByString((key: string) => {
  const cut = key.indexOf('\u0000');
  return resolveLink(key.slice(0, cut), key.slice(cut + 1));
});

function resolve(dir: string, target: string): string {
  return resolved(`${dir}\u0000${target}`);
}

function resolveLink(dir: string, target: string): string {
  const parts = dir.split('/').filter(Boolean);
  for (const seg of target.replace(/[#?].*$/, '').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(decodeURIComponent(seg));
  }
  return parts.join('/').replace(/(^|\/)content\/(en|vi)(?=\/|$)/i, '$1content').toLowerCase();
}

export const indexLinkMissing: WorklogRule = {
  id: 'index-link-missing',
  description: "The worklog's index page links to a week that does not exist.",
  defaultSeverity: 'warning',
  scope: 'worklog',
  check(worklog, _settings, report) {
    const urls = new Map<string, string>();
    for (const e of worklog.weeks) urls.set(urlOf(e.page.path), e.page.path);
    for (const index of worklog.indexes) {
      const dir = index.page.path.split('/').slice(0, -1).join('/');
      for (const link of index.page.links) {
        let target: string;
        try {
          target = resolve(dir, link.target);
        } catch {
          continue;
        }
        if (urls.has(target)) continue;
        const last = link.target.replace(/\/$/, '').split('/').pop() ?? '';
        const week = weekInText(last)?.week ?? (/^\d+\.(\d+)/.exec(last) ? Number(/^\d+\.(\d+)/.exec(last)![1]) : undefined);
        // Only links that point at a week (by name) or into the worklog's folder are the index's business.
        if (week === undefined && !target.startsWith(urlOf(`${worklog.dir}/_index.md`) + '/')) continue;
        const candidates = worklog.weeks.filter((e) => e.week === week && e.language === index.language);
        const fixes: Fix[] = [];
        if (week !== undefined && candidates.length === 1) {
          const url = urlOf(candidates[0].page.path);
          const base = urlOf(index.page.path);
          const relative = url.startsWith(base + '/') ? url.slice(base.length + 1) + (link.target.endsWith('/') ? '/' : '') : undefined;
          if (relative && relative !== link.target.toLowerCase()) {
            fixes.push({ title: t('Link to {0}', relative), edits: [{ span: link.span, newText: relative }], preferred: true });
          }
        }
        report(index.page.path, {
          span: link.span,
          message: t('"{0}" does not lead to a page of this worklog.', link.target) + (fixes.length ? ' ' + t('Probably: {0}', fixes[0].edits[0].newText) : ''),
          fixes,
        });
      }
    }
  },
};
