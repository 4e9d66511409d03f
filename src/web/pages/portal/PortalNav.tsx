import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { Link, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { useUnread } from '../inbox/useUnread.js';

const PUBLIC: [string, MessageKey][] = [
  ['/', 'nav.procedures'],
  ['/tra-cuu', 'nav.lookup'],
  ['/phan-anh', 'nav.feedback'],
  ['/cong-khai/cham-muon', 'nav.lateList'],
  ['/cong-khai/danh-ba', 'nav.directory'],
  ['/dashboard', 'nav.dashboard'],
];
const CITIZEN: [string, MessageKey][] = [
  ['/ho-so-cua-toi', 'nav.myDossiers'],
  ['/dat-lich', 'nav.booking'],
  ['/kho-du-lieu', 'nav.store'],
  ['/thong-bao', 'nav.inbox'],
  ['/tai-khoan', 'nav.account'],
];

/** The portal's menu: plain links that wrap on a phone (no antd Menu in the portal entry). */
export function PortalNav() {
  const t = useT();
  const { pathname } = useLocation();
  const { state } = useSession();
  const citizen = state.status === 'signedIn' && state.me.kind === 'citizen';
  const items = citizen ? [...PUBLIC, ...CITIZEN] : PUBLIC;
  const unread = useUnread(citizen);
  const current = (path: string) =>
    path === '/' ? pathname === '/' || pathname.startsWith('/thu-tuc') : pathname.startsWith(path);
  return (
    <nav aria-label={t('nav.label')} style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
      <ul
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: '4px 20px',
          listStyle: 'none',
          margin: '0 auto',
          padding: '10px 16px',
          maxWidth: 1100,
        }}
      >
        {items.map(([path, key]) => (
          <li key={path}>
            <Link
              to={path}
              aria-current={current(path) ? 'page' : undefined}
              style={{ fontWeight: current(path) ? 600 : 400, color: current(path) ? '#b71c1c' : undefined }}
            >
              {t(key)}
              {path === '/thong-bao' && !!unread && (
                <span
                  data-testid="nav-unread"
                  style={{
                    marginLeft: 4,
                    padding: '0 6px',
                    borderRadius: 10,
                    background: '#b71c1c',
                    color: '#fff',
                    fontSize: 12,
                  }}
                >
                  {unread}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
