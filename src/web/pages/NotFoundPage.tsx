import { Button, Typography } from 'antd';
import { useT } from '../i18n/i18n.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <main style={{ textAlign: 'center', padding: '20vh 16px' }}>
      <Typography.Title level={2}>404 — {t('notFound.title')}</Typography.Title>
      <Link to="/">
        <Button type="primary">{t('notFound.back')}</Button>
      </Link>
    </main>
  );
}
