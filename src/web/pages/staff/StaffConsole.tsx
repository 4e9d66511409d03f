/** The staff console (lazy chunk): layout, menu by the user's roles, and its pages. */
import { Alert, App as AntApp, Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { type ComponentType, useEffect } from 'react';
import { api } from '../../api.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useApiData } from '../../components/useApiData.js';
import { type MessageKey, useT } from '../../i18n/i18n.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { AccountPage } from './account/AccountPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { ScopesContext } from './scopes.js';
import { UnitsPage } from './units/UnitsPage.js';
import { UsersPage } from './users/UsersPage.js';

interface Section {
  key: string;
  label: MessageKey;
  /** The action the user must hold somewhere to see the section (none: everyone signed in). */
  needs?: string;
  Page: ComponentType;
}

const SECTIONS: Section[] = [
  { key: 'units', label: 'menu.units', Page: UnitsPage },
  { key: 'users', label: 'menu.users', needs: 'user.read', Page: UsersPage },
  { key: 'audit', label: 'menu.audit', needs: 'audit.read', Page: AuditPage },
  { key: 'account', label: 'menu.account', Page: AccountPage },
];

export default function StaffConsole() {
  const t = useT();
  const session = useSession();
  const { pathname } = useLocation();
  const signedIn = session.state.status === 'signedIn';
  const me = session.state.status === 'signedIn' ? session.state.me : null;

  useEffect(() => {
    if (session.state.status === 'unknown') session.ensureLoaded();
    if (session.state.status === 'anonymous') navigate(`/login?next=${encodeURIComponent(pathname)}`, { replace: true });
  }, [session, pathname]);

  const sectionKey = pathname.split('/')[2] ?? '';
  useEffect(() => {
    if (!sectionKey) navigate('/staff/units', { replace: true });
  }, [sectionKey]);

  const scopes = useApiData(() => (signedIn ? api<{ scopes: string[] }>('/api/me/scopes') : Promise.resolve(null)), [signedIn, me?.id]);

  if (!me || !scopes.data || !sectionKey) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

  const held = new Set(scopes.data.scopes);
  const visible = SECTIONS.filter((s) => !s.needs || held.has(s.needs));
  const current = visible.find((s) => s.key === sectionKey);

  return (
    <ScopesContext.Provider value={held}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={220}>
            <div style={{ padding: 16 }}>
              <Link to="/">
                <Typography.Text strong style={{ color: '#b71c1c' }}>
                  MotCua
                </Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('staff.title')}
              </Typography.Text>
            </div>
            <Menu
              mode="inline"
              selectedKeys={current ? [current.key] : []}
              items={visible.map((s) => ({ key: s.key, label: t(s.label) }))}
              onClick={({ key }) => navigate(`/staff/${key}`)}
              data-testid="staff-menu"
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
              <Space size="middle">
                <LanguageSwitch />
                <Typography.Text data-testid="current-user">
                  {me.fullName} ({me.username})
                </Typography.Text>
                <Button onClick={() => void session.logout()}>{t('staff.logout')}</Button>
              </Space>
            </Layout.Header>
            <Layout.Content style={{ margin: 24 }}>
              {me.mustChangePassword && sectionKey !== 'account' && (
                <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={<Link to="/staff/account">{t('staff.mustChange')}</Link>} />
              )}
              {current ? <current.Page /> : <Result status="404" title={t('notFound.title')} />}
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ScopesContext.Provider>
  );
}
