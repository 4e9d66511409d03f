/**
 * The national catalog's record shape (CSDL quốc gia về TTHC, as the LayThuTuc / LayDanhSachTTHC
 * services return it): upper-case Vietnamese field names, channels with time limits and fee
 * lines, components grouped by case. Our JSON import and export speak this shape so a province
 * can load what the national database publishes. Fields we do not use are accepted and ignored.
 * Enumerations differ between vendors, so the parser accepts the usual spellings
 * (national-mapping.rules.ts holds the tables).
 */
import { z } from 'zod';

const Str = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const OptStr = Str.optional().nullable();
const Num = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+([.,]\d+)?$/),
  ])
  .transform((v) => Number(String(v).replace(',', '.')));

export const NationalFee = z.object({
  MAPHILEPHI: OptStr,
  SOTIEN: Num,
  MOTA: OptStr,
});

export const NationalTimeLimit = z.object({
  THOIGIANGIAIQUYET: Num,
  DONVITINH: Str,
  PHILEPHI: z.array(NationalFee).optional().default([]),
  MOTA: OptStr,
});

export const NationalChannel = z.object({
  /** 1 trực tiếp, 2 trực tuyến, 3 dịch vụ bưu chính. */
  KENH: Str,
  THOIGIAN: z.array(NationalTimeLimit).min(1),
});

export const NationalDocument = z.object({
  TENGIAYTO: Str,
  MAUDON: OptStr,
  SOBANCHINH: Num.optional().default(0),
  SOBANSAO: Num.optional().default(0),
  /** Local extension: the copy must be certified (bản sao có chứng thực). */
  BANSAOCHUNGTHUC: z.boolean().optional(),
  /** Local extension: digitization is mandatory for this component. */
  SOHOABATBUOC: z.boolean().optional(),
  /** Local extension: optional component (không bắt buộc). */
  KHONGBATBUOC: z.boolean().optional(),
});

export const NationalComponentGroup = z.object({
  TRUONGHOP: OptStr,
  GIAYTO: z.array(NationalDocument),
});

export const NationalProcedure = z.object({
  MATTHC: Str,
  TENTTHC: Str,
  MATTHC_DIAPHUONG: OptStr,
  LINHVUCTHUCHIEN: z.array(z.object({ MALINHVUC: Str, TENLINHVUC: Str })).min(1),
  CAPTHUCHIEN: z.array(Str).min(1),
  CACHTHUCTHUCHIEN: z.array(NationalChannel).min(1),
  THANHPHANHOSO: z.array(NationalComponentGroup).optional().default([]),
  TRINHTUTHUCHIEN: z.array(Str).optional().default([]),
  DOITUONGTHUCHIEN: z.array(Str).min(1),
  COQUANTHUCHIEN: z.array(z.object({ MADONVI: OptStr, TENDONVI: Str })).min(1),
  YEUCAUDIEUKIEN: OptStr,
  KETQUATHUCHIEN: z
    .array(z.object({ TENKETQUA: Str, DIENTU: z.boolean().optional(), GIAY: z.boolean().optional() }))
    .min(1),
  CANCUPHAPLY: z.array(Str).optional().default([]),
  /** Mức độ dịch vụ công trực tuyến: "Toàn trình", "Một phần", or none. */
  MUCDO: OptStr,
  LIENTHONG: z.boolean().optional().default(false),
  BUUCHINH: z.boolean().optional(),
  KHONGPHUTHUOCDIAGIOI: z.boolean().optional().default(false),
});

export type NationalProcedure = z.output<typeof NationalProcedure>;
export type NationalProcedureInput = z.input<typeof NationalProcedure>;
