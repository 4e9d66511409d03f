import { ApiError } from '../api.js';
import type { Translate } from '../i18n/i18n.js';

/** What to tell a person about a failed call: the server's (Vietnamese) message when there is one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.code === 'NETWORK' ? t('error.network') : error.message;
  return t('error.unexpected');
}
