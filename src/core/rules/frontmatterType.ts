import { parseIsoDate, toIso } from '../calendar';
import { readDate, scanDates } from '../dates';
import { t } from '../l10n';
import type { Fix, FrontMatterEntry } from '../model';
import type { PageRule } from './types';
import { matchesTemplate } from './templateLeftover';

function replace(entry: FrontMatterEntry, newText: string, title: string): Fix {
  return { title, edits: [{ span: entry.valueSpan, newText }], preferred: true };
}

export const frontmatterType: PageRule = {
  id: 'frontmatter-type',
  description: 'date not a real date, weight not a number, chapter not a boolean, title not text.',
  defaultSeverity: 'error',
  scope: 'page',
  appliesTo: ['week', 'index'],
  check({ page, analysis, settings }, report) {
    const fm = page.frontMatter;
    // Values of front matter that did not parse are not what Hugo would read: frontmatter-syntax says why.
    if (!fm || fm.syntaxErrors.length > 0) return;
    const date = fm.entries.get('date');
    if (date && !matchesTemplate(date.source, settings)) {
      const v = date.value;
      const text = typeof v === 'string' ? v.trim() : '';
      if (typeof v !== 'string' || (!parseIsoDate(text) && !/^\d{4}-\d{2}-\d{2}T/.test(text))) {
        // A date written the way the table writes dates: offer it in the form Hugo reads.
        const cell = { raw: text, text, span: date.valueSpan, outer: date.valueSpan };
        const token = typeof v === 'string' && date.valueSpan.start.line === date.valueSpan.end.line ? scanDates(cell)[0] : undefined;
        const reading = token ? readDate(token, analysis.order, analysis.year) : undefined;
        const fixes = reading?.date ? [replace(date, toIso(reading.date), t('Change to {0}', toIso(reading.date)))] : [];
        report({
          span: date.valueSpan,
          message: v === null || text === ''
            ? t('"date" is empty: Hugo needs a date such as 2025-10-06.')
            : t('"date" is {0}, not a real date: Hugo reads dates written as YYYY-MM-DD.', JSON.stringify(date.source)) + (reading?.date ? ' ' + t('Probably: {0}', toIso(reading.date)) : ''),
          fixes,
        });
      }
    }
    const weight = fm.entries.get('weight');
    // Hugo casts a quoted whole number ("5") to a weight, so only a value it cannot read is reported.
    const castable = typeof weight?.value === 'string' && /^\s*-?\d+\s*$/.test(weight.value);
    if (weight && !castable && !(typeof weight.value === 'number' && Number.isInteger(weight.value))) {
      // Hugo truncates 2.5 to 2: say so; the right whole number depends on the worklog's scheme (weight-order knows it).
      const truncated = typeof weight.value === 'number' && Number.isFinite(weight.value) ? String(Math.trunc(weight.value)) : undefined;
      report({
        span: weight.valueSpan,
        message: t('"weight" is {0}, not a whole number: Hugo cannot order the menu by it.', weight.source || t('empty')),
        fixes: truncated ? [Object.assign({}, replace(weight, truncated, t('Change to {0}', truncated)), { preferred: false })] : [],
      });
    }
    const chapter = fm.entries.get('chapter');
    if (chapter && typeof chapter.value !== 'boolean') {
      const word = typeof chapter.value === 'string' ? chapter.value.trim().toLowerCase() : '';
      const fixed = word === 'true' || word === 'yes' ? 'true' : word === 'false' || word === 'no' ? 'false' : undefined;
      report({
        span: chapter.valueSpan,
        message: t('"chapter" is {0}, not true or false: any text counts as true for the theme.', chapter.source || t('empty')),
        fixes: fixed ? [replace(chapter, fixed, t('Change to {0}', fixed))] : [],
      });
    }
    const title = fm.entries.get('title');
    if (title && typeof title.value !== 'string') {
      const primitive = typeof title.value === 'number' || typeof title.value === 'boolean';
      const fixes = primitive ? [replace(title, JSON.stringify(String(title.value)), t('Quote the title'))] : [];
      report({ span: title.value === null ? title.keySpan : title.valueSpan, message: t('"title" is {0}, not text.', title.source || t('empty')), fixes });
    }
  },
};
