import { inWindow } from '../analysis';
import { daysBetween, toIso } from '../calendar';
import { t } from '../l10n';
import type { Fix } from '../model';
import type { WorklogSettings } from '../settings';
import type { PageRule } from './types';

const compiled = new WeakMap<readonly string[], RegExp[]>();

function patterns(settings: WorklogSettings): RegExp[] {
  let list = compiled.get(settings.templatePatterns);
  if (!list) {
    list = settings.templatePatterns.flatMap((p) => {
      try {
        return [new RegExp(p, 'iu')];
      } catch {
        return [];
      }
    });
    compiled.set(settings.templatePatterns, list);
  }
  return list;
}

/** True when text matches one of the template patterns. */
export function matchesTemplate(text: string, settings: WorklogSettings): boolean {
  return patterns(settings).some((re) => re.test(text));
}

const MAX_LINE = 2000;

export const templateLeftover: PageRule = {
  id: 'template-leftover',
  description: 'Template text left in: placeholder dates, `r Sys.Date()`, the "do not copy verbatim" notice, "Doing task" lines.',
  defaultSeverity: 'warning',
  scope: 'page',
  appliesTo: ['week', 'index'],
  check({ page, analysis, settings }, report) {
    const res = patterns(settings);
    for (let line = 0; line < page.lineIndex.lineCount; line++) {
      const text = page.lineIndex.lineText(line);
      if (text.length > MAX_LINE) continue;
      for (const re of res) {
        const m = re.exec(text);
        if (!m) continue;
        const start = m.index;
        const end = Math.max(start + m[0].length, start + 1);
        report({ span: { start: { line, character: start }, end: { line, character: Math.min(end, text.length) } }, message: t('Template text left in the page: "{0}".', m[0].trim() || text.trim()) });
        break;
      }
    }
    // A placeholder date: 1 January, far from the week the table describes (or with no table to say).
    const fmDate = analysis.frontMatterDate;
    if (fmDate && fmDate.date.month === 1 && fmDate.date.day === 1 && !(analysis.window && inWindow(fmDate.date, analysis.window))) {
      const far = !analysis.window || Math.abs(daysBetween(fmDate.date, analysis.window.start)) > 31;
      if (far) {
        const fixes: Fix[] = analysis.window
          ? [{ title: t('Change to {0}', toIso(analysis.window.start)), edits: [{ span: fmDate.entry.valueSpan, newText: toIso(analysis.window.start) }], preferred: false }]
          : [];
        report({
          span: fmDate.entry.valueSpan,
          message: t('"date: {0}" looks like the template\'s placeholder date.', fmDate.entry.source) + (analysis.window ? ' ' + t('Probably: {0}', toIso(analysis.window.start)) : ''),
          fixes,
        });
      }
    }
  },
};
