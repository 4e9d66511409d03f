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
    // Wraps on a phone: the province's name takes the first line, language and sign-in the next.
    <Layout.Header
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: '0 16px',
        background: '#b71c1c',
        paddingInline: 16,
        height: 'auto',
        minHeight: 64,
        lineHeight: 1.5,
      }}
    >
      <Link to="/" style={{ color: '#fff', flex: '1 1 220px', lineHeight: 1.3, padding: '8px 0' }}>
        <Typography.Text style={{ color: '#ffe082', display: 'block', fontSize: 12, textTransform: 'uppercase' }}>
          {t('app.portal')}
        </Typography.Text>
        <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 20 }} data-testid="province-name">
          {provinceName ?? t('app.name')}
        </Typography.Title>
      </Link>
      <Space wrap style={{ padding: '8px 0' }}>
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
