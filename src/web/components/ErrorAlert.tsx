import { Alert } from 'antd';
import { useT } from '../i18n/i18n.js';
import { errorText } from './errors.js';

export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" message={errorText(error, t)} style={{ marginBottom: 16 }} />;
}
