import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import type { WorkflowDetail } from '../../../types.js';
import { useHolds } from '../scopes.js';

interface Props {
  workflow: WorkflowDetail;
  dirty: boolean;
  /** Saves the edited draft (PUT); resolves when saved. */
  onSave(): Promise<void>;
  onChanged(w: WorkflowDetail): void;
  onError(e: unknown): void;
}

/**
 * What may happen to this version now, by its status and the user's actions: save a draft
 * (catalog.manage), approve it (workflow.approve), activate an approved one (either), copy any.
 * The server decides each call on the unit; the buttons only avoid offering what it would refuse.
 */
export function WorkflowToolbar({ workflow, dirty, onSave, onChanged, onError }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const canDraft = useHolds('catalog.manage');
  const canApprove = useHolds('workflow.approve');
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (name: string, call: () => Promise<void>) => {
    setBusy(name);
    onError(null);
    try {
      await call();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };
  const transition = (name: 'approve' | 'activate', body?: unknown) =>
    run(name, async () => {
      const next = await api<WorkflowDetail>(`/api/workflows/${workflow.id}/${name}`, { method: 'POST', body });
      void message.success(t(`admin.wf.${name}d`));
      onChanged(next);
    });
  const copy = () =>
    run('copy', async () => {
      const draft = await api<WorkflowDetail>(`/api/workflows/${workflow.id}/copy`, { method: 'POST' });
      void message.success(t('admin.wf.copied', { n: draft.versionNo }));
      navigate(`/staff/workflows/${draft.id}`);
    });

  const draft = workflow.status === 'draft';
  return (
    <Space wrap>
      {draft && canDraft && (
        <Button type="primary" disabled={!dirty} loading={busy === 'save'} onClick={() => void run('save', onSave)}>
          {t('admin.wf.save')}
        </Button>
      )}
      {draft && canApprove && (
        <Button
          disabled={dirty}
          loading={busy === 'approve'}
          onClick={() => void transition('approve', { updatedAt: workflow.updatedAt })}
        >
          {t('admin.wf.approve')}
        </Button>
      )}
      {workflow.status === 'approved' && (canApprove || canDraft) && (
        <Popconfirm
          title={t('admin.wf.activateConfirm')}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() => void transition('activate')}
        >
          <Button type="primary" loading={busy === 'activate'}>
            {t('admin.wf.activate')}
          </Button>
        </Popconfirm>
      )}
      {canDraft && (
        <Button loading={busy === 'copy'} onClick={() => void copy()}>
          {t('admin.wf.copy')}
        </Button>
      )}
    </Space>
  );
}
