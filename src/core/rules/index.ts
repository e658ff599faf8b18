// The registry: every rule, in the order findings are reported. The ids are part of the product (JSON output,
// diagnostic codes, settings): never rename one.
import { dateFormat } from './dateFormat';
import { dateInvalid } from './dateInvalid';
import { dateOrder } from './dateOrder';
import { dateOutsideWeek } from './dateOutsideWeek';
import { dateSequence } from './dateSequence';
import { daySequence } from './daySequence';
import { dayWeekdayMismatch } from './dayWeekdayMismatch';
import { frontmatterMissing } from './frontmatterMissing';
import { frontmatterRequired } from './frontmatterRequired';
import { frontmatterSyntax } from './frontmatterSyntax';
import { frontmatterType } from './frontmatterType';
import { indexLinkMissing } from './indexLinkMissing';
import { tableColumns } from './tableColumns';
import { tableMissing } from './tableMissing';
import { taskEmpty } from './taskEmpty';
import { templateLeftover } from './templateLeftover';
import { translationMismatch } from './translationMismatch';
import type { PageRule, Rule, WorklogRule } from './types';
import { weekDuplicate } from './weekDuplicate';
import { weekNumberMismatch } from './weekNumberMismatch';
import { weekOverlap } from './weekOverlap';
import { weekSequence } from './weekSequence';
import { weightOrder } from './weightOrder';

export const PAGE_RULES: readonly PageRule[] = [
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterRequired,
  frontmatterType,
  weekNumberMismatch,
  templateLeftover,
  tableMissing,
  tableColumns,
  taskEmpty,
  dateInvalid,
  dateFormat,
  dateOrder,
  dateOutsideWeek,
  dateSequence,
  daySequence,
  dayWeekdayMismatch,
];

export const WORKLOG_RULES: readonly WorklogRule[] = [
  weekOverlap,
  weekSequence,
  weekDuplicate,
  weightOrder,
  translationMismatch,
  indexLinkMissing,
];

export const RULES: readonly Rule[] = [...PAGE_RULES, ...WORKLOG_RULES];

export { RULE_IDS } from './ids';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { PageRule, Rule, WorklogRule } from './types';
