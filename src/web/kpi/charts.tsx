/**
 * The dashboards' charts in plain SVG and CSS (no charting library): a list of bars, a line over
 * time and a stacked bar. Every value that has rows behind it is a button, so the number leads
 * to its list (keyboard and screen readers included).
 */
import type { CSSProperties, ReactNode } from 'react';

const BAR_COLOR = '#b71c1c';
const TRACK: CSSProperties = {
  background: '#f3e5e5',
  borderRadius: 4,
  height: 12,
  flex: '1 1 120px',
  minWidth: 60,
  overflow: 'hidden',
};
const LINK: CSSProperties = {
  background: 'none',
  border: 0,
  padding: 0,
  color: '#0958d9',
  cursor: 'pointer',
  font: 'inherit',
  textDecoration: 'underline',
};

/** A value that opens its rows when clicked; plain text without a handler. */
export function Figure({
  children,
  onClick,
  label,
}: {
  children: ReactNode;
  onClick?: (() => void) | undefined;
  label?: string;
}) {
  if (!onClick) return <span>{children}</span>;
  return (
    <button type="button" style={LINK} onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The bar's full length (default: the largest value). */
  max?: number;
  /** What is written at the end of the bar (default: the value). */
  text?: string;
  onClick?: () => void;
  /** Accessible name of the value's button. */
  action?: string;
}

export function BarList({ bars, testId }: { bars: Bar[]; testId?: string }) {
  const largest = Math.max(1, ...bars.map((b) => b.max ?? b.value));
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
      {bars.map((b) => (
        <li
          key={b.key}
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px', padding: '4px 0' }}
        >
          <span style={{ flex: '1 1 200px', minWidth: 0 }}>{b.label}</span>
          <span style={TRACK} aria-hidden>
            <span
              style={{
                display: 'block',
                height: '100%',
                width: `${Math.min(100, (b.value / (b.max ?? largest)) * 100)}%`,
                background: BAR_COLOR,
              }}
            />
          </span>
          <span style={{ flex: '0 0 auto', minWidth: 72, textAlign: 'right' }}>
            <Figure onClick={b.onClick} label={b.action}>
              {b.text ?? b.value}
            </Figure>
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface Point {
  key: string;
  label: string;
  value: number | null;
  onClick?: () => void;
}

/** Values 0–100 over time; a missing value breaks the line. Points are buttons when clickable. */
export function LineChart({ points, title }: { points: Point[]; title: string }) {
  const [w, h, pad] = [560, 200, 32];
  const x = (i: number) => pad + (points.length <= 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number) => h - pad - (v / 100) * (h - 2 * pad);
  const path = points
    .map((p, i) =>
      p.value === null ? null : `${i === 0 || points[i - 1]!.value === null ? 'M' : 'L'}${x(i)},${y(p.value)}`,
    )
    .filter(Boolean)
    .join(' ');
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} style={{ width: '100%', maxWidth: w, height: 'auto' }}>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={pad} x2={w - pad} y1={y(v)} y2={y(v)} stroke="#eee" />
          <text x={4} y={y(v) + 4} fontSize={11} fill="#888">
            {v}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={BAR_COLOR} strokeWidth={2} />
      {points.map((p, i) =>
        p.value === null ? null : (
          // biome-ignore lint/a11y/noStaticElementInteractions: an SVG point is a button (role, tabIndex, key handler) only when it has a drill-down
          <g
            key={p.key}
            role={p.onClick ? 'button' : undefined}
            tabIndex={p.onClick ? 0 : undefined}
            aria-label={`${p.label}: ${p.value}`}
            onClick={p.onClick}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && p.onClick?.()}
            style={{ cursor: p.onClick ? 'pointer' : 'default' }}
          >
            <circle cx={x(i)} cy={y(p.value)} r={5} fill={BAR_COLOR} />
            <text x={x(i)} y={y(p.value) - 10} fontSize={12} textAnchor="middle">
              {p.value}
            </text>
            <text x={x(i)} y={h - 8} fontSize={11} textAnchor="middle" fill="#555">
              {p.label}
            </text>
          </g>
        ),
      )}
    </svg>
  );
}

const PALETTE = ['#b71c1c', '#1565c0', '#2e7d32', '#f9a825'];

export interface Segment {
  key: string;
  label: string;
  value: number;
  onClick?: () => void;
}

/** Parts of a whole in one bar, with a legend whose counts open their rows. */
export function StackedBar({ segments, title }: { segments: Segment[]; title: string }) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  return (
    <div>
      <div
        role="img"
        aria-label={title}
        style={{ display: 'flex', height: 20, borderRadius: 4, overflow: 'hidden', background: '#f5f5f5' }}
      >
        {segments.map((s, i) =>
          total > 0 && s.value > 0 ? (
            <span
              key={s.key}
              style={{ width: `${(s.value / total) * 100}%`, background: PALETTE[i % PALETTE.length] }}
            />
          ) : null,
        )}
      </div>
      <ul
        style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}
      >
        {segments.map((s, i) => (
          <li key={s.key}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                marginRight: 6,
                background: PALETTE[i % PALETTE.length],
              }}
            />
            {s.label}:{' '}
            <Figure onClick={s.value > 0 ? s.onClick : undefined} label={`${s.label}: ${s.value}`}>
              {s.value}
            </Figure>
            {total > 0 ? ` (${Math.round((s.value / total) * 100)} %)` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
