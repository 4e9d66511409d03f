import { Alert } from 'antd';
import { ApiError } from '../../api.js';
import { errorText } from '../../components/errors.js';
import { useT } from '../../i18n/i18n.js';
import { kioskAdvice } from './kioskAdvice.js';

/** A kiosk refusal: what went wrong (the server's Vietnamese message) and what to do now. */
export function KioskError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorText(error, t)}
      description={t(kioskAdvice(code))}
      style={{ marginBottom: 16, fontSize: 22 }}
    />
  );
}
