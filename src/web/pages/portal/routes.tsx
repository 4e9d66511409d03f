/**
 * The citizen portal's pages by path. Only the home page is in the entry bundle; every other page
 * is its own chunk, fetched when first opened, so a phone on a slow line gets the home page fast.
 */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { PortalHome } from './PortalHome.js';
import { PortalLayout } from './PortalLayout.js';

const ProcedureDetailPage = lazy(() => import('./procedure/ProcedureDetailPage.js'));
const SubmitPage = lazy(() => import('./submit/SubmitPage.js'));
const MyDossiersPage = lazy(() => import('./dossiers/MyDossiersPage.js'));
const MyDossierPage = lazy(() => import('./dossiers/MyDossierPage.js'));
const DataStorePage = lazy(() => import('./store/DataStorePage.js'));
const LookupPage = lazy(() => import('./lookup/LookupPage.js'));
const MyAccountPage = lazy(() => import('./account/MyAccountPage.js'));
const KioskPage = lazy(() => import('../kiosk/KioskPage.js'));
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage.js'));
const PublicFeedbackPage = lazy(() => import('./feedback/PublicFeedbackPage.js'));
const MyFeedbackPage = lazy(() => import('./feedback/MyFeedbackPage.js'));
const RatePage = lazy(() => import('../rating/RatePage.js'));
const BookingPage = lazy(() => import('../queue/BookingPage.js'));
const QueueDisplayPage = lazy(() => import('../queue/QueueDisplayPage.js'));
const PortalInboxPage = lazy(() => import('./PortalInboxPage.js'));
const LateListPage = lazy(() => import('./accountability/LateListPage.js'));
const DirectoryPage = lazy(() => import('./accountability/DirectoryPage.js'));

const UUID = '([0-9a-fA-F-]{36})';
const decode = (part: string | undefined) => decodeURIComponent(part ?? '');

const PAGES: [RegExp, (m: RegExpMatchArray) => ReactNode][] = [
  [/^\/$/, () => <PortalHome />],
  [new RegExp(`^/thu-tuc/${UUID}$`), (m) => <ProcedureDetailPage id={m[1]!} />],
  [new RegExp(`^/nop-ho-so/${UUID}$`), (m) => <SubmitPage procedureId={m[1]!} />],
  [/^\/ho-so-cua-toi\/?$/, () => <MyDossiersPage />],
  [/^\/thong-bao\/?$/, () => <PortalInboxPage />],
  [/^\/ho-so-cua-toi\/([^/]+)$/, (m) => <MyDossierPage code={decode(m[1])} />],
  [/^\/kho-du-lieu\/?$/, () => <DataStorePage />],
  [/^\/tai-khoan\/?$/, () => <MyAccountPage />],
  [/^\/tra-cuu\/?$/, () => <LookupPage />],
  [/^\/dat-lich\/?$/, () => <BookingPage />],
  [/^\/phan-anh\/?$/, () => <FeedbackPage />],
  [/^\/phan-anh\/cong-khai\/?$/, () => <PublicFeedbackPage />],
  [/^\/phan-anh\/cong-khai\/([^/]+)$/, (m) => <PublicFeedbackPage code={decode(m[1])} />],
  [/^\/phan-anh\/cua-toi\/?$/, () => <MyFeedbackPage />],
  [/^\/phan-anh\/cua-toi\/([^/]+)$/, (m) => <MyFeedbackPage code={decode(m[1])} />],
  [/^\/cong-khai\/cham-muon\/?$/, () => <LateListPage />],
  [/^\/cong-khai\/danh-ba\/?$/, () => <DirectoryPage />],
];

const spinner = <Spin size="large" style={{ display: 'block', margin: '15vh auto' }} />;

/** The portal page for a path (inside the portal's header and menu), the kiosk, or null. */
export function portalRoute(pathname: string): ReactNode | null {
  if (pathname === '/kiosk') {
    return (
      <Suspense fallback={spinner}>
        <KioskPage />
      </Suspense>
    );
  }
  // The waiting hall's display: full screen, no portal header, no login.
  const display = pathname.match(new RegExp(`^/queue/${UUID}/?$`));
  if (display) {
    return (
      <Suspense fallback={spinner}>
        <QueueDisplayPage unitId={display[1]!} />
      </Suspense>
    );
  }
  // The counter tablet's rating form: no portal header or menu, like the kiosk.
  const rate = pathname.match(/^\/rate(?:\/([^/]+))?\/?$/);
  if (rate) {
    return (
      <Suspense fallback={spinner}>
        <RatePage code={decode(rate[1])} />
      </Suspense>
    );
  }
  for (const [pattern, page] of PAGES) {
    const match = pathname.match(pattern);
    if (match) {
      return (
        <PortalLayout>
          <Suspense fallback={spinner}>{page(match)}</Suspense>
        </PortalLayout>
      );
    }
  }
  return null;
}
