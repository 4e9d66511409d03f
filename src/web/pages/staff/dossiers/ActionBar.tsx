import { Space } from 'antd';
import { ACTION_ORDER } from './actions.js';
import { ActionButton } from './ActionButton.js';
import type { DossierDetail } from './types.js';

/** The actions the API allows the caller now (allowedActions), in a sensible order. */
export function ActionBar({
  dossier,
  onChanged,
}: {
  dossier: DossierDetail;
  onChanged(next: DossierDetail | null): void;
}) {
  const allowed = ACTION_ORDER.filter((a) => dossier.allowedActions.includes(a));
  if (allowed.length === 0) return null;
  return (
    <Space wrap data-testid="dossier-actions">
      {allowed.map((action) => (
        <ActionButton key={action} dossier={dossier} action={action} onChanged={onChanged} />
      ))}
    </Space>
  );
}
