/**
 * Message templates: `{{variable}}` placeholders filled from the data a producer hands over. The
 * built-in texts (version 0) are below, Vietnamese first; the administrator's versions are stored
 * (notification_templates) and must use only the kind's variables (kinds.ts), so an edited
 * template cannot reach data the recipient may not see. SMS and Zalo carry the body only.
 */
import { KINDS, type NotificationKind } from './kinds.js';

export type Locale = 'vi' | 'en';
export interface TemplateText {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The placeholders of a template that its kind does not allow (empty = acceptable). */
export function unknownPlaceholders(kind: NotificationKind, text: TemplateText): string[] {
  const allowed = new Set<string>(KINDS[kind].variables);
  return placeholdersOf(`${text.subject}\n${text.body}`).filter((name) => !allowed.has(name));
}

/** Fills the placeholders; a missing value becomes empty, never the placeholder's name. */
export function render(text: TemplateText, data: Readonly<Record<string, string | number>>): TemplateText {
  const fill = (s: string) => s.replace(PLACEHOLDER, (_m, name: string) => String(data[name] ?? '')).trim();
  return { subject: fill(text.subject), body: fill(text.body) };
}

const t = (subject: string, body: string): TemplateText => ({ subject, body });
const PASS_THROUGH = { vi: t('Thông báo từ MotCua', '{{text}}'), en: t('MotCua notice', '{{text}}') };

export const DEFAULT_TEMPLATES: Record<NotificationKind, Record<Locale, TemplateText>> = {
  'dossier.received': {
    vi: t(
      'Đã tiếp nhận hồ sơ {{code}}',
      'Hồ sơ {{code}} ({{procedure}}) đã được tiếp nhận. Ngày hẹn trả kết quả: {{appointment}}.',
    ),
    en: t(
      'Application {{code}} received',
      'Application {{code}} ({{procedure}}) was received. Result due: {{appointment}}.',
    ),
  },
  'dossier.supplementRequested': {
    vi: t(
      'Yêu cầu bổ sung hồ sơ {{code}}',
      'Hồ sơ {{code}} cần bổ sung, hoàn thiện: {{note}}. Xem phiếu yêu cầu bổ sung trên Cổng dịch vụ công.',
    ),
    en: t('Please complete application {{code}}', 'Application {{code}} needs more documents: {{note}}.'),
  },
  'dossier.feeDue': {
    vi: t('Nộp phí, lệ phí hồ sơ {{code}}', 'Hồ sơ {{code}} chờ thực hiện nghĩa vụ tài chính: {{amount}}.'),
    en: t('Fee due for application {{code}}', 'Application {{code}} awaits payment of {{amount}}.'),
  },
  'dossier.resumed': {
    vi: t(
      'Hồ sơ {{code}} tiếp tục được giải quyết',
      'Hồ sơ {{code}} ({{procedure}}) tiếp tục được giải quyết. Ngày hẹn trả kết quả: {{appointment}}.',
    ),
    en: t(
      'Application {{code}}: processing resumed',
      'Processing of application {{code}} ({{procedure}}) resumed. Result due: {{appointment}}.',
    ),
  },
  'dossier.resultReady': {
    vi: t(
      'Hồ sơ {{code}} đã có kết quả',
      'Hồ sơ {{code}} ({{procedure}}) đã có kết quả giải quyết. Mời ông/bà nhận kết quả.',
    ),
    en: t('Application {{code}}: result ready', 'The result of application {{code}} ({{procedure}}) is ready.'),
  },
  'dossier.returned': {
    vi: t('Đã trả kết quả hồ sơ {{code}}', 'Kết quả hồ sơ {{code}} đã được trả. Mời ông/bà đánh giá mức độ hài lòng.'),
    en: t('Application {{code}}: result returned', 'The result of application {{code}} was returned.'),
  },
  'dossier.refused': {
    vi: t('Từ chối giải quyết hồ sơ {{code}}', 'Hồ sơ {{code}} bị từ chối giải quyết. Lý do: {{note}}.'),
    en: t('Application {{code}} refused', 'Application {{code}} was refused. Reason: {{note}}.'),
  },
  'dossier.stopped': {
    vi: t('Dừng giải quyết hồ sơ {{code}}', 'Hồ sơ {{code}} đã dừng giải quyết. Lý do: {{note}}.'),
    en: t('Application {{code}} stopped', 'Processing of application {{code}} stopped. Reason: {{note}}.'),
  },
  'dossier.apology': {
    vi: t(
      'Thư xin lỗi về hồ sơ {{code}}',
      'Cơ quan giải quyết xin lỗi vì hồ sơ {{code}} chậm so với hẹn. Ngày hẹn trả kết quả mới: {{appointment}}. {{note}}',
    ),
    en: t(
      'Apology about application {{code}}',
      'Application {{code}} is late; we apologise. New date: {{appointment}}. {{note}}',
    ),
  },
  'feedback.answered': {
    vi: t('Phản ánh {{code}} đã được trả lời', 'Phản ánh, kiến nghị {{code}} ({{title}}) đã có văn bản trả lời.'),
    en: t('Feedback {{code}} answered', 'Your feedback {{code}} ({{title}}) has been answered.'),
  },
  'step.assigned': {
    vi: t(
      'Hồ sơ {{code}} chuyển đến ông/bà',
      'Hồ sơ {{code}} ({{procedure}}) chuyển đến ông/bà ở bước "{{step}}", hạn {{due}}.',
    ),
    en: t(
      'Application {{code}} assigned to you',
      'Application {{code}} ({{procedure}}) is yours at step "{{step}}", due {{due}}.',
    ),
  },
  'consultation.asked': {
    vi: t(
      'Xin ý kiến về hồ sơ {{code}}',
      'Đơn vị được xin ý kiến về hồ sơ {{code}} ({{procedure}}), hạn trả lời {{due}}.',
    ),
    en: t(
      'Opinion asked on application {{code}}',
      'Your unit is asked for an opinion on {{code}} ({{procedure}}), due {{due}}.',
    ),
  },
  'step.dueSoon': {
    vi: t('Hồ sơ {{code}} sắp đến hạn', 'Bước "{{step}}" của hồ sơ {{code}} sắp đến hạn: {{due}}.'),
    en: t('Application {{code}} due soon', 'Step "{{step}}" of application {{code}} is due {{due}}.'),
  },
  'step.overdue': {
    vi: t('Hồ sơ {{code}} đã quá hạn', 'Bước "{{step}}" của hồ sơ {{code}} đã quá hạn từ {{due}}.'),
    en: t('Application {{code}} overdue', 'Step "{{step}}" of application {{code}} was due {{due}}.'),
  },
  'worklist.digest': {
    vi: t(
      'Công việc ngày {{day}}: {{total}} hồ sơ',
      'Ông/bà đang xử lý {{total}} hồ sơ, {{dueSoon}} sắp đến hạn, {{overdue}} quá hạn.\n{{list}}',
    ),
    en: t(
      'Worklist {{day}}: {{total}} applications',
      'You hold {{total}} applications, {{dueSoon}} due soon, {{overdue}} overdue.\n{{list}}',
    ),
  },
  'unit.lateList': {
    vi: t('Hồ sơ trễ hạn của {{unit}} ngày {{day}}', '{{unit}} có {{count}} hồ sơ trễ hạn:\n{{list}}'),
    en: t('Late applications of {{unit}} on {{day}}', '{{unit}} has {{count}} late applications:\n{{list}}'),
  },
  'unit.monthlyLateList': {
    vi: t(
      'Danh sách hồ sơ trễ hạn tháng {{month}} của {{unit}}',
      '{{unit}} có {{count}} hồ sơ trễ hạn trong kỳ báo cáo tháng {{month}} (từ {{from}} đến {{to}}), {{withApology}} hồ sơ đã có văn bản xin lỗi. Danh sách sẽ được công khai theo quy định; đề nghị đơn vị rà soát, giải trình.\nMã hồ sơ · hạn giải quyết → ngày hoàn thành · cán bộ · ✉ = đã có văn bản xin lỗi:\n{{list}}',
    ),
    en: t(
      'Late applications of {{unit}}, reporting month {{month}}',
      '{{unit}} had {{count}} late applications in reporting month {{month}} ({{from}} to {{to}}); {{withApology}} of them with an apology letter. The list will be published; please review and explain.\nCode · legal due date → completed · official · ✉ = apology letter sent:\n{{list}}',
    ),
  },
  'dossier.apology-due': PASS_THROUGH,
  'feedback.due-reminder': PASS_THROUGH,
  'store.bulk-read-alarm': PASS_THROUGH,
  'queue.booking-reminder': PASS_THROUGH,
  'feedback.verification-code': PASS_THROUGH,
  'store.consent-code': PASS_THROUGH,
};
