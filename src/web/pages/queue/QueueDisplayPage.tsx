import { Alert, Spin } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { formatDate } from '../../format.js';
import { useT } from '../../i18n/i18n.js';
import { useLiveBoard } from './queueApi.js';

const big = {
  fontSize: 'clamp(40px, 9vw, 96px)',
  fontWeight: 700,
  lineHeight: 1.1,
  fontVariantNumeric: 'tabular-nums',
} as const;
const card = { background: '#fff', color: '#1f1f1f', borderRadius: 12, padding: '12px 20px' } as const;

/**
 * /queue/{unitId}: the screen in the waiting hall, no login. The numbers being served per counter
 * and the next ones, updated live over server-sent events. Numbers only: no names.
 */
export default function QueueDisplayPage({ unitId }: { unitId: string }) {
  const t = useT();
  const { board, error, live } = useLiveBoard(unitId);
  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#7f0000',
        color: '#fff',
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        padding: 'clamp(12px, 3vw, 32px)',
        boxSizing: 'border-box',
      }}
      data-testid="queue-display"
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, marginBottom: 24 }}>
        <div style={{ flex: 1 }}>
          <div style={{ color: '#ffe082', textTransform: 'uppercase', fontSize: 18 }}>{t('qd.title')}</div>
          <h1 style={{ color: '#fff', margin: 0, fontSize: 'clamp(22px, 4vw, 40px)' }}>{board?.unitName ?? ''}</h1>
          {board && <div style={{ fontSize: 18 }}>{formatDate(board.day)}</div>}
        </div>
        <LanguageSwitch />
      </header>
      <ErrorAlert error={error} />
      {board && !live && <Alert type="warning" showIcon message={t('qd.offline')} style={{ marginBottom: 16 }} />}
      {!board && !error && <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />}
      {board && (
        <div
          style={{ display: 'grid', gap: 24, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' }}
        >
          <section aria-live="polite">
            <h2 style={{ color: '#ffe082', fontSize: 28 }}>{t('qd.serving')}</h2>
            {board.serving.length === 0 && <p style={{ fontSize: 24 }}>{t('qd.none')}</p>}
            <div style={{ display: 'grid', gap: 12 }}>
              {board.serving.map((s) => (
                <div
                  key={s.counter}
                  style={{ ...card, display: 'flex', alignItems: 'center', gap: 24 }}
                  data-testid={`serving-${s.counter}`}
                >
                  <div style={{ fontSize: 28, minWidth: 140 }}>{t('qd.counter', { n: s.counter })}</div>
                  <div style={{ ...big, color: '#b71c1c' }}>{s.label}</div>
                  <div style={{ fontSize: 18, color: '#595959' }}>{s.fieldName}</div>
                </div>
              ))}
            </div>
          </section>
          <section>
            <h2 style={{ color: '#ffe082', fontSize: 28 }}>{t('qd.next')}</h2>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} data-testid="queue-next">
              {board.next.map((n) => (
                <div
                  key={n.number}
                  style={{ ...card, fontSize: 40, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
                >
                  {n.label}
                  {n.priority !== 'none' && <span style={{ fontSize: 20, color: '#d48806' }}> ★</span>}
                </div>
              ))}
            </div>
            <p style={{ fontSize: 22, marginTop: 16 }}>{t('qd.waiting', { n: board.waitingCount })}</p>
          </section>
        </div>
      )}
    </div>
  );
}
