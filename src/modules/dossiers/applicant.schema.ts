/**
 * The applicant (người nộp hồ sơ): a citizen (12-digit personal identifier), an organization
 * (tax code with check digit, or a branch code), with an optional representative acting for
 * either. Identifier structure is checked by the identifiers module; its soft findings are
 * warnings, its hard ones are 400s naming the field.
 */
import { z } from 'zod';
import { checkPersonalId } from '../identifiers/personal-id.rules.js';
import { checkTaxCode } from '../identifiers/tax-code.rules.js';

const Name = z.string().trim().min(1).max(200);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?\d[\d ]{7,16}$/, 'Số điện thoại không hợp lệ');
const Email = z.email('Thư điện tử không hợp lệ').max(200);
const Address = z.string().trim().min(1).max(500);

const PersonalId = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const checked = checkPersonalId(value);
    if (!checked.ok)
      ctx.addIssue({ code: 'custom', message: checked.error.message, params: { code: checked.error.code } });
  });

const TaxCode = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const checked = checkTaxCode(value);
    if (!checked.ok)
      ctx.addIssue({ code: 'custom', message: checked.error.message, params: { code: checked.error.code } });
  });

export const Representative = z.object({
  fullName: Name,
  idNumber: PersonalId,
  phone: Phone.optional(),
  /** Giấy ủy quyền / văn bản đại diện, as text: the document itself is a component. */
  authority: z.string().trim().max(300).optional(),
});

export const CitizenApplicant = z.object({
  kind: z.literal('citizen'),
  fullName: Name,
  idNumber: PersonalId,
  /** Ngày sinh (YYYY-MM-DD): checked against the population database when the procedure is connected. */
  birthDate: z.iso.date().optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  address: Address.optional(),
  representative: Representative.optional(),
});

export const OrganizationApplicant = z.object({
  kind: z.literal('organization'),
  name: Name,
  taxCode: TaxCode,
  phone: Phone.optional(),
  email: Email.optional(),
  address: Address.optional(),
  representative: Representative.optional(),
});

export const Applicant = z
  .discriminatedUnion('kind', [CitizenApplicant, OrganizationApplicant])
  .meta({ id: 'Applicant' });
export type Applicant = z.output<typeof Applicant>;

/** The key of the applicant's data store: personal identifier or tax code (kho dữ liệu). */
export function applicantKey(applicant: Applicant): string {
  return applicant.kind === 'citizen' ? applicant.idNumber : applicant.taxCode;
}

export function applicantName(applicant: Applicant): string {
  return applicant.kind === 'citizen' ? applicant.fullName : applicant.name;
}
