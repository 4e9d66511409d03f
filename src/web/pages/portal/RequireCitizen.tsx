import { Alert, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../../i18n/i18n.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import type { Me } from '../../types.js';

/**
 * A citizen's own pages: ask who is signed in, send the anonymous to /login (coming back here
 * afterwards), and tell staff that these pages are the applicant's.
 */
export function RequireCitizen({ children }: { children: (me: Me) => ReactNode }) {
  const t = useT();
  const session = useSession();
  const { state } = session;
  useEffect(() => session.ensureLoaded(), [session]);
  useEffect(() => {
    if (state.status !== 'anonymous') return;
    // Right after signing in, this page can render once with the old state (the navigation
    // commits before the session update): decide on the next tick, cancelled if it arrives.
    const timer = setTimeout(() => {
      const here = window.location.pathname + window.location.search;
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [state.status]);
  if (state.status !== 'signedIn') return <Spin size="large" style={{ display: 'block', margin: '15vh auto' }} />;
  if (state.me.kind !== 'citizen') return <Alert type="info" showIcon message={t('citizen.only')} />;
  return <>{children(state.me)}</>;
}
