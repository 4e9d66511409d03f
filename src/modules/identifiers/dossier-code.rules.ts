/**
 * Dossier code (mã hồ sơ): `<receiving unit official code>-<yyMMdd>-<sequence>`, e.g.
 * `000.00.53.H48-220921-0099` (docs/domain/DOMAIN.md §4). The date is the receiving day in Vietnam; the
 * sequence counts that unit's dossiers of that day from 1.
 *
 * The sequence is written with 4 digits. A unit's 10,000th dossier of a day does not wrap to
 * 0000 (that would reuse a code, and codes are never reused): the field widens to 5 digits
 * (10000…99999). Widening keeps codes unique because the unit code and the date have fixed
 * shapes, and a 5-digit sequence never starts with 0, so each (unit, day, sequence) has exactly
 * one spelling. Above 99,999 a day something is broken upstream, and formatting refuses.
 * yy is read as 20yy: the system has no dossiers from the 1900s and will be replaced before 2100.
 */
import { isIsoDate } from '../calendar/dates.js';
import { OFFICIAL_CODE_PATTERN } from '../org/units.rules.js';

export const DOSSIER_SEQUENCE_MAX = 99_999;

export type DossierCodeParts = {
  /** The canonical code (trimmed, upper-case). */
  code: string;
  /** Mã định danh of the receiving unit, e.g. 000.00.53.H48. */
  unitCode: string;
  /** Receiving day in Vietnam, YYYY-MM-DD. */
  date: string;
  sequence: number;
};

/** The unit code pattern without its anchors, so it can be embedded. */
const UNIT = OFFICIAL_CODE_PATTERN.source.replace(/^\^/, '').replace(/\$$/, '');
// 4 digits, or 5 digits not starting with 0 (the widened form; see above).
const DOSSIER_CODE = new RegExp(`^(${UNIT})-(\\d{2})(\\d{2})(\\d{2})-(\\d{4}|[1-9]\\d{4})$`);

/**
 * The dossier code for a unit's `seq`-th dossier of `dateInVietnam` (YYYY-MM-DD, 2000–2099).
 * Throws RangeError on arguments the caller controls (unit code from the database, date from
 * the clock, sequence from the counter): a bad one is a bug, not user input.
 */
export function formatDossierCode(unitCode: string, dateInVietnam: string, seq: number): string {
  if (!OFFICIAL_CODE_PATTERN.test(unitCode))
    throw new RangeError(`Not a unit official code: ${JSON.stringify(unitCode)}`);
  if (!isIsoDate(dateInVietnam) || !dateInVietnam.startsWith('20')) {
    throw new RangeError(`Not a date in 2000–2099: ${JSON.stringify(dateInVietnam)}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > DOSSIER_SEQUENCE_MAX) {
    throw new RangeError(`Dossier sequence must be an integer 1…${DOSSIER_SEQUENCE_MAX}, got ${seq}`);
  }
  const yymmdd = dateInVietnam.slice(2, 4) + dateInVietnam.slice(5, 7) + dateInVietnam.slice(8, 10);
  return `${unitCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/**
 * The parts of a dossier code, or null when it is not one (wrong shape, impossible date,
 * sequence 0). Surrounding whitespace and a lower-case unit letter are tolerated, since codes
 * are typed in by citizens on the public lookup.
 */
export function parseDossierCode(input: string): DossierCodeParts | null {
  const code = input.trim().toUpperCase();
  const m = DOSSIER_CODE.exec(code);
  if (!m) return null;
  const date = `20${m[2]}-${m[3]}-${m[4]}`;
  const sequence = Number(m[5]);
  if (!isIsoDate(date) || sequence === 0) return null;
  return { code, unitCode: m[1]!, date, sequence };
}
