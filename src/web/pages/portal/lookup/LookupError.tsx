import { Alert } from 'antd';
import { ApiError } from '../../../api.js';
import { errorText } from '../../../components/errors.js';
import { useT } from '../../../i18n/i18n.js';

/**
 * The lookup's failures in plain words: the server's message, and what to do about it — check the
 * code on the receipt (404, malformed), or wait (429, the per-address limit).
 */
export function LookupError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const retry =
    error instanceof ApiError
      ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      : undefined;
  const hint =
    status === 404 || status === 400
      ? t('lookup.checkCode')
      : status === 429
        ? retry
          ? t('lookup.wait', { seconds: retry })
          : t('lookup.waitShort')
        : undefined;
  return (
    <Alert
      type={status === 429 ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="lookup-error"
      message={errorText(error, t)}
      description={hint}
      style={{ marginBottom: 16 }}
    />
  );
}
