import { t } from '../l10n';
import type { PageRule } from './types';
import { fitRow, proposalFixes, proposeInWindow, rankByLabel } from './proposals';

export const dateInvalid: PageRule = {
  id: 'date-invalid',
  description: 'A date cell that is not a well-formed real date: 011/09/2025, 31/04/2025, 2025/02/30.',
  defaultSeverity: 'error',
  scope: 'page',
  check({ analysis }, report) {
    for (const d of analysis.dates) {
      const problem = d.reading.problem;
      if (problem !== 'digits' && problem !== 'no-such-day') continue;
      const proposals = fitRow(proposeInWindow(d.token, analysis.order, analysis.window, analysis.year), d, analysis)
        .filter((p) => analysis.orderIfRewritten(d.token, p.text) === analysis.order);
      const orderName = analysis.order === 'dmy' ? t('day/month/year') : t('month/day/year');
      const base = problem === 'digits'
        ? t('"{0}" is not a date: a day or month has more than two digits.', d.token.raw)
        : d.token.shape === 'ymd'
          ? t('"{0}" is not a date: there is no such day (read as year/month/day).', d.token.raw)
          : t('"{0}" is not a date: there is no such day (read as {1}, like the rest of the page).', d.token.raw, orderName);
      const hint = proposals.length > 0 ? ' ' + t('Probably: {0}', rankByLabel(proposals, d.row.day).proposals.map((p) => p.text).join(t(' or '))) : '';
      report({ span: d.token.span, message: base + hint, fixes: proposalFixes(d.token, proposals, d.row.day) });
    }
  },
};
