/**
 * Transparency indicators from publication decisions (766 group 1), as pure functions: which
 * decision items each indicator counts. One item = one procedure in one decision.
 *
 * - publishedOnTime: the decision was dated ≥ 5 working days before its legal basis takes effect.
 *   An item whose legal basis date was not recorded cannot be judged and is left out.
 * - updatedOnTime: published on the national database ≤ 5 working days after signing. An item not
 *   yet published counts (as late) once its 5 working days have passed by `today`; before that it
 *   is pending and left out.
 * - completeParts: the version the item published states the parts every procedure must have
 *   (Decree 63/2010 Art. 8). Abolitions publish no version and are left out.
 */
import { decisionCompliance, PUBLICATION_LAG_WORKING_DAYS } from '../catalog/catalog.rules.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';

export type Membership = 'numerator' | 'denominator' | null;

export interface DecisionItemFacts {
  signedDate: string;
  legalBasisEffectiveDate: string | null;
  nationalPublishedDate: string | null;
  /** The version the item published; null for an abolition. */
  content: ProcedureContent | null;
}

export type TransparencyKey =
  | 'transparency.publishedOnTime'
  | 'transparency.updatedOnTime'
  | 'transparency.completeParts';

/** The parts a published procedure must state, with the test of each. */
const PARTS: [string, (c: ProcedureContent) => boolean][] = [
  ['trình tự thực hiện', (c) => c.steps.length > 0],
  ['cách thức thực hiện', (c) => c.channels.length > 0],
  ['thành phần hồ sơ', (c) => c.components.length > 0],
  ['thời hạn giải quyết', (c) => c.channels.every((ch) => ch.timeLimit.value > 0)],
  ['đối tượng thực hiện', (c) => c.applicantTypes.length > 0],
  ['cơ quan thực hiện', (c) => c.competentUnitIds.length > 0],
  ['kết quả thực hiện', (c) => c.result.name.trim() !== ''],
];

export function missingParts(content: ProcedureContent): string[] {
  return PARTS.filter(([, present]) => !present(content)).map(([name]) => name);
}

const member = (counted: boolean, inNumerator: boolean): Membership =>
  !counted ? null : inNumerator ? 'numerator' : 'denominator';

/** `between(a, b)`: working days after date a up to and including b (the calendar's count). */
export function transparencyMembership(
  item: DecisionItemFacts,
  between: (a: string, b: string) => number,
  today: string,
): Record<TransparencyKey, Membership> {
  const c = decisionCompliance(item, between);
  const overdueUnpublished =
    item.nationalPublishedDate === null && between(item.signedDate, today) > PUBLICATION_LAG_WORKING_DAYS;
  return {
    'transparency.publishedOnTime': member(c.decisionOnTime !== null, c.decisionOnTime === true),
    'transparency.updatedOnTime': member(c.publishedOnTime !== null || overdueUnpublished, c.publishedOnTime === true),
    'transparency.completeParts': member(
      item.content !== null,
      item.content !== null && missingParts(item.content).length === 0,
    ),
  };
}
