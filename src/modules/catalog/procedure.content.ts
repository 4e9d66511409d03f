/**
 * What a procedure version says: the parts of a thủ tục hành chính (docs/domain/DOMAIN.md §3, Decree
 * 63/2010 Art. 8). Stored as one JSON document per version, validated by these schemas on the
 * way in, so the document a dossier was filed under can be shown exactly as it was.
 */
import { z } from 'zod';

export const CHANNELS = ['counter', 'online', 'postal'] as const; // KenhThucHien 1, 2, 3
export type Channel = (typeof CHANNELS)[number];

export const TIME_UNITS = ['workingDays', 'workingHours', 'days', 'months'] as const;
export const LEVELS = ['province', 'commune', 'central'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const; // toàn trình / một phần / không
export const COMPONENT_KINDS = ['original', 'copy', 'certifiedCopy', 'originalOrCopy'] as const;
export const APPLICANT_TYPES = ['citizen', 'organisation', 'foreigner', 'overseasVietnamese'] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const TimeLimit = z.object({
  value: z.number().positive().max(3650),
  unit: z.enum(TIME_UNITS),
});

export const FeeLine = z.object({
  name: Text(500),
  /** Integer VND (tiền Việt Nam đồng, no decimals). */
  amountVnd: z.number().int().min(0).max(1_000_000_000_000),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const ChannelOffer = z.object({
  channel: z.enum(CHANNELS),
  timeLimit: TimeLimit,
  fees: z.array(FeeLine).max(50),
  /** Tích hợp thanh toán trực tuyến: the fees of this channel can be paid on the national payment platform. */
  onlinePayment: z.boolean().default(false),
});

export const Component = z.object({
  /** Stable within a version; dossiers name the component they satisfy by it. Assigned on publication. */
  id: z.uuid().optional(),
  name: Text(1000),
  kind: z.enum(COMPONENT_KINDS),
  count: z.number().int().min(1).max(100),
  formTemplate: z.string().trim().max(500).nullable().optional(),
  digitizationRequired: z.boolean(),
  mandatory: z.boolean().default(true),
});

export const ProcedureContent = z
  .object({
    name: Text(1000),
    localCode: z.string().trim().max(100).nullable().optional(),
    fieldCode: Text(50),
    levels: z.array(z.enum(LEVELS)).min(1),
    channels: z.array(ChannelOffer).min(1),
    steps: z.array(Text(4000)).max(50).default([]),
    components: z.array(Component).max(100),
    applicantTypes: z.array(z.enum(APPLICANT_TYPES)).min(1),
    conditions: z.string().trim().max(10_000).default(''),
    result: z.object({ name: Text(1000), electronic: z.boolean(), paper: z.boolean() }),
    legalBasis: z.array(Text(1000)).max(100),
    onlineLevel: z.enum(ONLINE_LEVELS),
    /**
     * Đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình: the procedure can be offered fully
     * online (the plan target's denominator, docs/domain/DOMAIN.md §10). Absent (a document that does not say):
     * eligible when offered online at all — see fullyOnlineEligible.
     */
    fullyOnlineEligible: z.boolean().optional(),
    /**
     * Kết nối, khai thác Cơ sở dữ liệu quốc gia về dân cư: intake checks a citizen applicant's
     * identity against the population database (national-data module). Absent = not connected.
     */
    populationDataConnected: z.boolean().optional(),
    /**
     * Mức độ định danh điện tử a citizen filing online must have signed in with (Decree 69/2024/NĐ-CP:
     * level 1 — account made in the VNeID app; level 2 — verified in person with the chip card).
     * 2 = only a level-2 identity provider sign-in may file; absent or 1 = any signed-in citizen.
     */
    identityLevelRequired: z.union([z.literal(1), z.literal(2)]).optional(),
    postal: z.boolean(),
    locationIndependent: z.boolean(),
    interAgency: z.boolean(),
    /** Competent units (cơ quan thực hiện) by id. */
    competentUnitIds: z.array(z.uuid()).min(1),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.channels.forEach((offer, i) => {
      if (seen.has(offer.channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', i, 'channel'],
          message: 'Mỗi cách thức thực hiện chỉ khai báo một lần',
        });
      }
      seen.add(offer.channel);
    });
    if (content.onlineLevel !== 'none' && !seen.has('online')) {
      ctx.addIssue({
        code: 'custom',
        path: ['onlineLevel'],
        message: 'Thủ tục trực tuyến phải có cách thức nộp trực tuyến',
      });
    }
    if (content.onlineLevel === 'full' && content.fullyOnlineEligible === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['fullyOnlineEligible'],
        message: 'Thủ tục đã cung cấp trực tuyến toàn trình thì đủ điều kiện toàn trình',
      });
    }
    if (content.postal && !seen.has('postal')) {
      ctx.addIssue({
        code: 'custom',
        path: ['postal'],
        message: 'Thủ tục tiếp nhận qua bưu chính phải có cách thức bưu chính',
      });
    }
  })
  .meta({ id: 'ProcedureContent' });

export type ProcedureContent = z.infer<typeof ProcedureContent>;

/** Whether the procedure may be offered fully online: as the document says, else when it is offered online at all. */
export const fullyOnlineEligible = (c: Pick<ProcedureContent, 'fullyOnlineEligible' | 'onlineLevel'>) =>
  c.fullyOnlineEligible ?? c.onlineLevel !== 'none';
export type ProcedureContentInput = z.input<typeof ProcedureContent>;
