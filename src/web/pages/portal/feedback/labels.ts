/** Words and colours of feedback statuses, categories and channels (portal and console). */
import type { MessageKey } from '../../../i18n/i18n.js';
import type { FeedbackDetail, FeedbackStatus } from '../../../types.js';

export const STATUS_COLOR: Record<FeedbackStatus, string> = {
  received: 'blue',
  routed: 'processing',
  awaitingSupplement: 'orange',
  refused: 'default',
  answered: 'cyan',
  published: 'green',
};

export const statusKey = (s: FeedbackStatus) => `fb.status.${s}` as MessageKey;
export const categoryKey = (c: NonNullable<FeedbackDetail['category']>) => `fb.category.${c}` as MessageKey;
export const channelKey = (c: FeedbackDetail['channel']) => `fb.channel.${c}` as MessageKey;
export const actionKey = (a: string) => `fb.action.${a}` as MessageKey;
