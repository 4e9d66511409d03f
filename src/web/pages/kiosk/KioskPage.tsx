import { Button, ConfigProvider, Layout, Typography } from 'antd';
import { useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { provinceOf, unitTree } from '../portal/catalogData.js';
import { KioskDossierLookup } from './KioskDossierLookup.js';
import { KioskProcedure } from './KioskProcedure.js';
import { KioskProcedures } from './KioskProcedures.js';
import { KioskTicket } from './KioskTicket.js';
import { useIdleReset } from './useIdleReset.js';

type Screen =
  | { kind: 'home' }
  | { kind: 'procedures' }
  | { kind: 'procedure'; id: string }
  | { kind: 'dossier' }
  | { kind: 'ticket' };

/** Large type and touch-sized controls everywhere in the kiosk. */
const KIOSK_THEME = { token: { fontSize: 20, controlHeight: 48, controlHeightLG: 64 } };

/** Seconds without a touch before the kiosk returns home; ?idle=N (5–600) sets it for a trial. */
function idleSeconds(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('idle'));
  return asked >= 5 && asked <= 600 ? asked : 90;
}

/**
 * /kiosk: the touch screen at the service centre, no login. Two big choices — look up a
 * procedure, look up a dossier — and back to them by itself after a while without a touch.
 */
export default function KioskPage() {
  const t = useT();
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [idle] = useState(idleSeconds);
  const tree = useApiData(unitTree, []);
  const home = () => setScreen({ kind: 'home' });
  useIdleReset(idle * 1000, screen.kind !== 'home', home);

  return (
    <ConfigProvider theme={KIOSK_THEME}>
      {/* antd's Layout carries the theme's font to plain text too. */}
      <Layout style={{ minHeight: '100vh' }} data-testid="kiosk">
        <header
          style={{
            background: '#b71c1c',
            color: '#fff',
            padding: '16px 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            flexWrap: 'wrap',
          }}
        >
          <div style={{ flex: 1 }}>
            <div style={{ color: '#ffe082', textTransform: 'uppercase', fontSize: 16 }}>{t('kiosk.title')}</div>
            <h1 style={{ fontSize: 26, fontWeight: 600, margin: 0, color: 'inherit' }}>
              {tree.data ? provinceOf(tree.data)?.name : t('app.name')}
            </h1>
          </div>
          <LanguageSwitch />
          {screen.kind !== 'home' && (
            <Button size="large" onClick={home} style={{ height: 56 }}>
              {t('kiosk.home')}
            </Button>
          )}
        </header>
        <main
          style={{ flex: 1, padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}
        >
          {screen.kind === 'home' && <KioskHome onChoose={setScreen} />}
          {screen.kind === 'procedures' && <KioskProcedures onOpen={(id) => setScreen({ kind: 'procedure', id })} />}
          {screen.kind === 'procedure' && (
            <>
              <Button
                size="large"
                onClick={() => setScreen({ kind: 'procedures' })}
                style={{ marginBottom: 16, height: 56 }}
              >
                ← {t('kiosk.back')}
              </Button>
              <KioskProcedure id={screen.id} />
            </>
          )}
          {screen.kind === 'dossier' && <KioskDossierLookup />}
          {screen.kind === 'ticket' && <KioskTicket onDone={home} />}
        </main>
        <footer style={{ textAlign: 'center', padding: 12, color: '#595959', fontSize: 16 }}>
          {t('kiosk.idle', { seconds: idle })}
        </footer>
      </Layout>
    </ConfigProvider>
  );
}

function KioskHome({ onChoose }: { onChoose(screen: Screen): void }) {
  const t = useT();
  const big = { height: 'auto', minHeight: 200, fontSize: 32, whiteSpace: 'normal' as const, padding: 24 };
  return (
    <div
      style={{
        display: 'grid',
        gap: 24,
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
        marginTop: '6vh',
      }}
    >
      <Button type="primary" style={big} onClick={() => onChoose({ kind: 'procedures' })}>
        {t('kiosk.procedures')}
        <Typography.Text style={{ display: 'block', color: '#fff', fontSize: 20, marginTop: 8 }}>
          {t('kiosk.procedures.hint')}
        </Typography.Text>
      </Button>
      <Button type="primary" style={big} onClick={() => onChoose({ kind: 'ticket' })}>
        {t('kq.take')}
        <Typography.Text style={{ display: 'block', color: '#fff', fontSize: 20, marginTop: 8 }}>
          {t('kq.take.hint')}
        </Typography.Text>
      </Button>
      <Button style={big} onClick={() => onChoose({ kind: 'dossier' })}>
        {t('kiosk.dossier')}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 20, marginTop: 8 }}>
          {t('kiosk.dossier.hint')}
        </Typography.Text>
      </Button>
    </div>
  );
}
