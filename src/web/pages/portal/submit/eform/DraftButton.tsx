import { Button, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api.js';
import type { ApiResponse } from '../../../../api/types.js';
import { formatDateTime } from '../../../../format.js';
import { useT } from '../../../../i18n/i18n.js';
import type { Values } from './model.js';

/** "Lưu nháp": keeps the unfinished form on the server, to resume later or on another device. */
export function DraftButton({ procedureId, values }: { procedureId: string; values: Values }) {
  const t = useT();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api<ApiResponse<'/api/me/eform-drafts/{id}', 'put'>>(`/api/me/eform-drafts/${procedureId}`, {
        method: 'PUT',
        body: { values },
      });
      setSavedAt(saved.updatedAt);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button data-testid="eform-save-draft" loading={busy} onClick={() => void save()}>
        {t('eform.saveDraft')}
      </Button>
      {savedAt && (
        <Typography.Text type="secondary" role="status">
          {t('eform.draftSaved', { time: formatDateTime(savedAt) })}
        </Typography.Text>
      )}
    </>
  );
}
