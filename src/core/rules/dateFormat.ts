import { formatOf, writeLike } from '../dates';
import { t } from '../l10n';
import type { DateToken, Fix } from '../model';
import type { PageRule } from './types';

/** A token shaped like the page's format, for rewriting a date into it. */
function templateFor(format: string, like: DateToken): DateToken {
  const sep = (/[/.-]/.exec(format)?.[0] ?? '/') as DateToken['separator'];
  const ymd = format.startsWith('YYYY');
  const yearLen = /Y+/.exec(format)?.[0].length ?? 4;
  const two = { text: '00', value: 0, span: like.span };
  const year = { text: '0'.repeat(yearLen), value: 0, span: like.span };
  return {
    raw: format, span: like.span, separator: sep, shape: ymd ? 'ymd' : 'xxy',
    parts: ymd ? [year, two, two] : [two, two, year],
  };
}

export const dateFormat: PageRule = {
  id: 'date-format',
  description: "A date written in another format than the page's other dates, or without a year.",
  defaultSeverity: 'warning',
  scope: 'page',
  check({ analysis }, report) {
    const format = analysis.format;
    for (const d of analysis.dates) {
      const own = formatOf(d.token, analysis.order);
      const date = d.reading.date;
      if (d.token.shape === 'xx') {
        // A page that writes every date without a year is consistent; one date without a year among dated ones is not.
        if (d.reading.problem === 'no-such-day' || !format) continue;
        const year = analysis.year ?? analysis.window?.start.year;
        const target = format ? templateFor(format, d.token) : undefined;
        const fixes: Fix[] = [];
        if (year !== undefined) {
          const day = d.reading.day ?? 0;
          const month = d.reading.month ?? 0;
          const text = target
            ? writeLike({ year, month, day }, target, analysis.order)
            : `${d.token.raw}${d.token.separator}${year}`;
          fixes.push({ title: t('Add the year: {0}', text), edits: [{ span: d.token.span, newText: text }], preferred: true });
        }
        report({ span: d.token.span, message: t('"{0}" has no year.', d.token.raw) + (fixes.length ? ' ' + t('Probably: {0}', fixes[0].edits[0].newText) : ''), fixes });
        continue;
      }
      if (!format || own === format || !date) continue;
      const text = writeLike(date, templateFor(format, d.token), analysis.order);
      report({
        span: d.token.span,
        message: t('"{0}" is written {1}, but the other dates of this page are written {2}.', d.token.raw, own, format) + ' ' + t('Probably: {0}', text),
        fixes: [{ title: t('Write it as {0}', text), edits: [{ span: d.token.span, newText: text }], preferred: true }],
      });
    }
  },
};
