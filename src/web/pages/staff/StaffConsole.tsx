/** The staff console (lazy chunk): layout, menu by the user's roles, and its pages. */
import { Alert, App as AntApp, Badge, Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { type ComponentType, useEffect } from 'react';
import { api } from '../../api.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useApiData } from '../../components/useApiData.js';
import { type MessageKey, useT } from '../../i18n/i18n.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { AccountPage } from './account/AccountPage.js';
import { InboxPage } from '../inbox/InboxPage.js';
import { NotificationAdminPage } from './notifications/NotificationAdminPage.js';
import { useUnread } from '../inbox/useUnread.js';
import { AuditPage } from './audit/AuditPage.js';
import { CounterPage } from './counter/CounterPage.js';
import { DossiersPage } from './dossiers/DossiersPage.js';
import { FeedbackSection } from './feedback/FeedbackSection.js';
import { CallerBookingPage } from './queue/CallerBookingPage.js';
import { QueueCounterPage } from './queue/QueueCounterPage.js';
import { QueueSlotsPage } from './queue/QueueSlotsPage.js';
import { KpiDashboardPage } from './kpi/KpiDashboardPage.js';
import { ReconciliationsPage } from './payments/ReconciliationsPage.js';
import { NationalSyncPage } from './national-sync/NationalSyncPage.js';
import { PlansPage } from './plans/PlansPage.js';
import { DirectoryAdminPage } from './directory/DirectoryAdminPage.js';
import { ReportsPage } from './reports/ReportsPage.js';
import { ScopesContext } from './scopes.js';
import { SealsPage } from './seals/SealsPage.js';
import { TrackingBookPage } from './tracking-book/TrackingBookPage.js';
import { UnitsPage } from './units/UnitsPage.js';
import { UsersPage } from './users/UsersPage.js';
// Administration pages are static imports: lazy chunks here share the console's own modules, and
// Rollup then drops StaffConsole.tsx as the chunk's facade (its manifest entry, which the browser
// tests use to prove the portal never loads the console).
import { CalendarPage } from './calendar/CalendarPage.js';
import { CatalogPage } from './catalog/CatalogPage.js';
import { WorkflowsPage } from './workflows/WorkflowsPage.js';
import type { ApiResponse } from '../../api/types.js';

interface Section {
  key: string;
  label: MessageKey;
  /** The action(s) the user must hold somewhere, any one of them, to see the section (none: everyone signed in). */
  needs?: string | string[];
  Page: ComponentType;
}

const SECTIONS: Section[] = [
  { key: 'counter', label: 'menu.counter', needs: 'dossier.receive', Page: CounterPage },
  { key: 'queue', label: 'menu.queue', needs: 'queue.serve', Page: QueueCounterPage },
  { key: 'queue-book', label: 'menu.queueBook', needs: 'queue.book', Page: CallerBookingPage },
  { key: 'dossiers', label: 'menu.dossiers', needs: 'dossier.read', Page: DossiersPage },
  {
    key: 'feedback',
    label: 'menu.feedback',
    needs: ['feedback.receive', 'feedback.route', 'feedback.handle'],
    Page: FeedbackSection,
  },
  { key: 'kpi', label: 'menu.kpi', needs: 'kpi.read', Page: KpiDashboardPage },
  { key: 'tracking-book', label: 'menu.trackingBook', needs: 'dossier.read', Page: TrackingBookPage },
  { key: 'national-sync', label: 'menu.nationalSync', needs: 'kpi.read', Page: NationalSyncPage },
  { key: 'plans', label: 'menu.plans', needs: 'plan.read', Page: PlansPage },
  { key: 'reports', label: 'menu.reports', needs: 'report.read', Page: ReportsPage },
  // Managing slots is occasional work: a leader who may also do it still lands on the dossiers.
  { key: 'queue-slots', label: 'menu.queueSlots', needs: 'queue.manage', Page: QueueSlotsPage },
  { key: 'units', label: 'menu.units', Page: UnitsPage },
  { key: 'directory', label: 'menu.directory', needs: 'unit.manage', Page: DirectoryAdminPage },
  { key: 'users', label: 'menu.users', needs: 'user.read', Page: UsersPage },
  { key: 'calendar', label: 'menu.calendar', needs: 'calendar.manage', Page: CalendarPage },
  { key: 'catalog', label: 'menu.catalog', needs: 'catalog.manage', Page: CatalogPage },
  { key: 'workflows', label: 'menu.workflows', needs: ['catalog.manage', 'workflow.approve'], Page: WorkflowsPage },
  { key: 'audit', label: 'menu.audit', needs: 'audit.read', Page: AuditPage },
  { key: 'notifications', label: 'menu.notifyAdmin', needs: 'notification.manage', Page: NotificationAdminPage },
  { key: 'seals', label: 'menu.seals', needs: 'seal.manage', Page: SealsPage },
  // After the daily work and administration: nobody lands here first.
  { key: 'reconciliations', label: 'menu.reconciliations', needs: 'payment.reconcile', Page: ReconciliationsPage },
  { key: 'inbox', label: 'menu.inbox', Page: InboxPage },
  { key: 'account', label: 'menu.account', Page: AccountPage },
];

const allowed = (s: Section, held: ReadonlySet<string>) => !s.needs || [s.needs].flat().some((a) => held.has(a));
const firstSection = (held: ReadonlySet<string>) => SECTIONS.find((s) => allowed(s, held))!.key;

export default function StaffConsole() {
  const t = useT();
  const session = useSession();
  const { pathname } = useLocation();
  const signedIn = session.state.status === 'signedIn';
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const unread = useUnread(signedIn);

  useEffect(() => {
    if (session.state.status === 'unknown') session.ensureLoaded();
    if (session.state.status === 'anonymous')
      navigate(`/login?next=${encodeURIComponent(pathname)}`, { replace: true });
  }, [session, pathname]);

  const sectionKey = pathname.split('/')[2] ?? '';
  const scopes = useApiData(
    () => (signedIn ? api<ApiResponse<'/api/me/scopes'>>('/api/me/scopes') : Promise.resolve(null)),
    [signedIn, me?.id],
  );

  // /staff lands on the first section the user may see: an officer's desk, else the units.
  useEffect(() => {
    if (!sectionKey && scopes.data) navigate(`/staff/${firstSection(new Set(scopes.data.scopes))}`, { replace: true });
  }, [sectionKey, scopes.data]);

  if (!me || !scopes.data || !sectionKey)
    return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

  const held = new Set(scopes.data.scopes);
  const visible = SECTIONS.filter((s) => allowed(s, held));
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
            {/* Wraps on a 360 px phone instead of pushing the page sideways. */}
            <Layout.Header
              style={{
                background: '#fff',
                display: 'flex',
                justifyContent: 'flex-end',
                alignItems: 'center',
                height: 'auto',
                minHeight: 64,
                lineHeight: 'normal',
                paddingBlock: 8,
                paddingInline: 'clamp(8px, 3vw, 24px)',
              }}
            >
              <Space size="small" wrap style={{ justifyContent: 'flex-end' }}>
                <LanguageSwitch />
                <Link to="/staff/inbox" data-testid="staff-inbox-link">
                  <Badge count={unread ?? 0} size="small">
                    {t('menu.inbox')}
                  </Badge>
                </Link>
                <Typography.Text data-testid="current-user" ellipsis style={{ maxWidth: 'min(50vw, 320px)' }}>
                  {me.fullName} ({me.username})
                </Typography.Text>
                <Button onClick={() => void session.logout()}>{t('staff.logout')}</Button>
              </Space>
            </Layout.Header>
            <Layout.Content style={{ margin: 'clamp(8px, 3vw, 24px)' }}>
              {me.mustChangePassword && sectionKey !== 'account' && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  message={<Link to="/staff/account">{t('staff.mustChange')}</Link>}
                />
              )}
              {current ? <current.Page /> : <Result status="404" title={t('notFound.title')} />}
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ScopesContext.Provider>
  );
}
