/** Pure rules of the catalog: what a publication decision may do, and whether it was timely. */
import type { DecisionChangeKind } from './catalog.tables.js';

export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;

/** KPI thresholds (766 index 1.1–1.2; seed 000): configurable later through the kpi module. */
export const DECISION_LEAD_WORKING_DAYS = 5;
export const PUBLICATION_LAG_WORKING_DAYS = 5;

export interface DecisionItemPlan {
  changeKind: DecisionChangeKind;
  nationalCode: string;
  replacesNationalCode?: string | null | undefined;
  hasContent: boolean;
}

export interface ExistingProcedure {
  nationalCode: string;
  status: 'active' | 'abolished';
}

export interface ItemProblem {
  index: number;
  code:
    | 'PROCEDURE_EXISTS'
    | 'PROCEDURE_NOT_FOUND'
    | 'PROCEDURE_ABOLISHED'
    | 'CONTENT_REQUIRED'
    | 'CONTENT_NOT_ALLOWED'
    | 'REPLACES_REQUIRED'
    | 'DUPLICATE_ITEM';
  message: string;
}

/** Checks every item of a decision against the catalog as it stands; returns all problems. */
export function checkDecisionItems(
  items: readonly DecisionItemPlan[],
  existing: ReadonlyMap<string, ExistingProcedure>,
): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const problem = (code: ItemProblem['code'], message: string) => problems.push({ index, code, message });
    if (seen.has(item.nationalCode))
      problem('DUPLICATE_ITEM', `Thủ tục ${item.nationalCode} xuất hiện nhiều lần trong quyết định`);
    seen.add(item.nationalCode);
    const current = existing.get(item.nationalCode);
    const needsContent = item.changeKind !== 'abolished';
    if (needsContent && !item.hasContent) problem('CONTENT_REQUIRED', `Thiếu nội dung thủ tục ${item.nationalCode}`);
    if (!needsContent && item.hasContent)
      problem('CONTENT_NOT_ALLOWED', `Bãi bỏ thủ tục ${item.nationalCode} không kèm nội dung`);
    if (item.changeKind === 'new' || item.changeKind === 'replaced') {
      if (current) problem('PROCEDURE_EXISTS', `Mã thủ tục ${item.nationalCode} đã có trong danh mục`);
    } else if (!current) {
      problem('PROCEDURE_NOT_FOUND', `Không có thủ tục ${item.nationalCode} trong danh mục`);
    } else if (current.status === 'abolished') {
      problem('PROCEDURE_ABOLISHED', `Thủ tục ${item.nationalCode} đã bị bãi bỏ`);
    }
    if (item.changeKind === 'replaced') {
      const replaced = item.replacesNationalCode ? existing.get(item.replacesNationalCode) : undefined;
      if (!item.replacesNationalCode)
        problem('REPLACES_REQUIRED', `Cần mã thủ tục bị thay thế cho ${item.nationalCode}`);
      else if (!replaced) problem('PROCEDURE_NOT_FOUND', `Không có thủ tục bị thay thế ${item.replacesNationalCode}`);
      else if (replaced.status === 'abolished')
        problem('PROCEDURE_ABOLISHED', `Thủ tục ${item.replacesNationalCode} đã bị bãi bỏ`);
    }
  });
  return problems;
}

export interface DecisionDates {
  signedDate: string;
  legalBasisEffectiveDate: string | null;
  nationalPublishedDate: string | null;
}

export interface DecisionCompliance {
  /** Working days from signing to the legal basis taking effect; null when unknown. */
  leadWorkingDays: number | null;
  /** Decision dated ≥ 5 working days before the legal basis takes effect. */
  decisionOnTime: boolean | null;
  /** Working days from signing to publication on the national database. */
  publicationWorkingDays: number | null;
  /** Published ≤ 5 working days after the decision. */
  publishedOnTime: boolean | null;
}

/**
 * `workingDaysBetween(a, b)`: whole working days after date a up to and including date b
 * (negative when b is before a) — supplied by the calendar module.
 */
export function decisionCompliance(
  dates: DecisionDates,
  workingDaysBetween: (from: string, to: string) => number,
): DecisionCompliance {
  const lead = dates.legalBasisEffectiveDate
    ? workingDaysBetween(dates.signedDate, dates.legalBasisEffectiveDate)
    : null;
  const lag = dates.nationalPublishedDate ? workingDaysBetween(dates.signedDate, dates.nationalPublishedDate) : null;
  return {
    leadWorkingDays: lead,
    decisionOnTime: lead === null ? null : lead >= DECISION_LEAD_WORKING_DAYS,
    publicationWorkingDays: lag,
    publishedOnTime: lag === null ? null : lag <= PUBLICATION_LAG_WORKING_DAYS,
  };
}
