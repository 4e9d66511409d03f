/** Words for the API's codes (statuses, channels, time units…), through the dictionaries. */
import type { MessageKey, Translate } from '../../i18n/i18n.js';
import type { DossierStatus, ProcedureContent } from '../../types.js';

type Content = ProcedureContent;
type Channel = Content['channels'][number]['channel'];
type TimeLimit = Content['channels'][number]['timeLimit'];

export const STATUS_KEY: Record<DossierStatus, MessageKey> = {
  registered: 'dossierStatus.registered',
  received: 'dossierStatus.received',
  refused: 'dossierStatus.refused',
  processing: 'dossierStatus.processing',
  awaitingSupplement: 'dossierStatus.awaitingSupplement',
  awaitingPayment: 'dossierStatus.awaitingPayment',
  withdrawn: 'dossierStatus.withdrawn',
  stopped: 'dossierStatus.stopped',
  processed: 'dossierStatus.processed',
  returned: 'dossierStatus.returned',
};

/** Tag colours: waiting on the applicant stands out; ended badly is red; done is green. */
export const STATUS_COLOR: Record<DossierStatus, string> = {
  registered: 'blue',
  received: 'cyan',
  refused: 'red',
  processing: 'geekblue',
  awaitingSupplement: 'orange',
  awaitingPayment: 'orange',
  withdrawn: 'default',
  stopped: 'red',
  processed: 'green',
  returned: 'green',
};

export const CHANNEL_KEY: Record<Channel, MessageKey> = {
  counter: 'channel.counter',
  online: 'channel.online',
  postal: 'channel.postal',
};

export const ONLINE_LEVEL_KEY: Record<Content['onlineLevel'], MessageKey> = {
  full: 'onlineLevel.full',
  partial: 'onlineLevel.partial',
  none: 'onlineLevel.none',
};

export const COMPONENT_KIND_KEY: Record<Content['components'][number]['kind'], MessageKey> = {
  original: 'componentKind.original',
  copy: 'componentKind.copy',
  certifiedCopy: 'componentKind.certifiedCopy',
  originalOrCopy: 'componentKind.originalOrCopy',
};

export const LEVEL_KEY: Record<Content['levels'][number], MessageKey> = {
  province: 'level.province',
  commune: 'level.commune',
  central: 'level.central',
};

const TIME_UNIT_KEY: Record<TimeLimit['unit'], MessageKey> = {
  workingDays: 'timeUnit.workingDays',
  workingHours: 'timeUnit.workingHours',
  days: 'timeUnit.days',
  months: 'timeUnit.months',
};

/** "15 ngày làm việc", "4 giờ làm việc" (a decimal comma for half days in Vietnamese). */
export function timeLimitText(t: Translate, lang: string, limit: TimeLimit): string {
  return t(TIME_UNIT_KEY[limit.unit], { n: limit.value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') });
}

/** Keys of the dossier history's actions; an action without one is shown by its code. */
const ACTION_KEY: Record<string, MessageKey> = {
  register: 'event.register',
  receive: 'event.receive',
  accept: 'event.accept',
  forward: 'event.forward',
  return: 'event.return',
  finish: 'event.finish',
  returnResult: 'event.returnResult',
  requestSupplement: 'event.requestSupplement',
  supply: 'event.supply',
  refuse: 'event.refuse',
  withdraw: 'event.withdraw',
  requestConsultation: 'event.requestConsultation',
  answerConsultation: 'event.answerConsultation',
  transfer: 'event.transfer',
  requestPayment: 'event.requestPayment',
  confirmPayment: 'event.confirmPayment',
  stop: 'event.stop',
  apologize: 'event.apologize',
  signResult: 'event.signResult',
};

export function actionLabel(t: Translate, action: string, fallback?: string): string {
  const key = ACTION_KEY[action];
  return key ? t(key) : (fallback ?? action);
}
