import { ConfigProvider, Spin } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import viVNModule from 'antd/es/locale/vi_VN.js';
import { lazy, Suspense } from 'react';
import { useI18n } from './i18n/i18n.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { portalRoute } from './pages/portal/routes.js';
import { useLocation } from './router.js';
import { THEME } from './theme.js';

// The staff console is its own chunk: the public portal never downloads it.
const StaffConsole = lazy(() => import('./pages/staff/StaffConsole.js'));
// The sign-in form (antd Form) is only fetched by those who sign in.
const LoginPage = lazy(() => import('./pages/LoginPage.js'));
// The public dashboard (charts, rankings) is fetched only by its visitors.
const PublicDashboardPage = lazy(() => import('./pages/dashboard/PublicDashboardPage.js'));

const spinner = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

// antd's ES locale files are typed as CommonJS under NodeNext; the bundler gives the object itself.
const esDefault = (mod: unknown) => ((mod as { default?: Locale }).default ?? mod) as Locale;
const enUS = esDefault(enUSModule);
const viVN = esDefault(viVNModule);

function Routes() {
  const { pathname } = useLocation();
  const portal = portalRoute(pathname);
  if (portal) return portal;
  if (pathname === '/login') {
    return (
      <Suspense fallback={spinner}>
        <LoginPage />
      </Suspense>
    );
  }
  if (pathname === '/dashboard') {
    return (
      <Suspense fallback={spinner}>
        <PublicDashboardPage />
      </Suspense>
    );
  }
  if (pathname === '/staff' || pathname.startsWith('/staff/')) {
    return (
      <Suspense fallback={spinner}>
        <StaffConsole />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={THEME}>
      <Routes />
    </ConfigProvider>
  );
}
