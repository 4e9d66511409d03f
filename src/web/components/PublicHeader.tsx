import { Button, Layout, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { homeOf, useSession } from '../session.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The portal's header: province, language, and a way in (or back to the console). */
export function PublicHeader({ provinceName }: { provinceName: string | null }) {
  const t = useT();
  const session = useSession();
  useEffect(() => session.ensureLoaded(), [session]);
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#b71c1c', paddingInline: 24, height: 'auto', minHeight: 64 }}>
      <Link to="/" style={{ color: '#fff', flex: 1, lineHeight: 1.3, padding: '8px 0' }}>
        <Typography.Text style={{ color: '#ffe082', display: 'block', fontSize: 12, textTransform: 'uppercase' }}>
          {t('app.portal')}
        </Typography.Text>
        <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 20 }} data-testid="province-name">
          {provinceName ?? t('app.name')}
        </Typography.Title>
      </Link>
      <Space>
        <LanguageSwitch />
        {me ? (
          <>
            <Typography.Text style={{ color: '#fff' }}>{t('portal.hello', { name: me.fullName })}</Typography.Text>
            {me.kind !== 'citizen' && (
              <Link to={homeOf(me)}>
                <Button>{t('portal.staff')}</Button>
              </Link>
            )}
            <Button onClick={() => void session.logout()}>{t('staff.logout')}</Button>
          </>
        ) : (
          <Link to="/login">
            <Button>{t('portal.login')}</Button>
          </Link>
        )}
      </Space>
    </Layout.Header>
  );
}
