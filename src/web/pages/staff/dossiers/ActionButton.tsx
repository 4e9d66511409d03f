import { App, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../components/errors.js';
import { FormModal } from '../../../components/FormModal.js';
import { useVersionConflict } from '../../../components/useVersionConflict.js';
import { useT } from '../../../i18n/i18n.js';
import { ACTION_DIALOG, type ActionValues, actionFields, DANGER_ACTIONS, PRIMARY_ACTIONS } from './actions.js';
import { ActionFields, type ActionTarget } from './ActionFields.js';
import { actOn } from './dossierApi.js';
import { SignResultDialog } from './SignResultDialog.js';
import type { DossierActionName, DossierDetail } from './types.js';

interface Props {
  dossier: ActionTarget;
  action: DossierActionName;
  size?: 'small' | 'middle';
  /** After a success (with the new state) or a conflict (null: read it again). */
  onChanged(next: DossierDetail | null): void;
}

/**
 * One action as a button: a confirmation for the simple ones, a dialog for those that need more.
 * The request carries the version read with the dossier; a 409 (someone acted first, or the state
 * moved on) shows the server's message and hands over to reload.
 */
export function ActionButton({ dossier, action, size, onChanged }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const kind = ACTION_DIALOG[action];
  const name = t(`desk.action.${action}`);
  const danger = DANGER_ACTIONS.has(action);

  const conflict = useVersionConflict(
    () => setOpen(false),
    () => onChanged(null),
  );

  const confirm = () =>
    modal.confirm({
      title: t('desk.action.confirm', { action: name, code: dossier.code }),
      okText: name,
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        try {
          const next = await actOn(dossier, action);
          void message.success(t('desk.action.done', { action: name }));
          onChanged(next);
        } catch (e) {
          if (!conflict(e)) void message.error(errorText(e, t));
        }
      },
    });

  return (
    <>
      <Button
        size={size}
        type={PRIMARY_ACTIONS.has(action) ? 'primary' : 'default'}
        danger={danger}
        onClick={() => (kind === 'confirm' ? confirm() : setOpen(true))}
      >
        {name}
      </Button>
      {open && kind === 'sign' && (
        <SignResultDialog
          dossier={dossier}
          title={`${name} — ${dossier.code}`}
          okText={name}
          conflict={conflict}
          onSaved={(next) => {
            setOpen(false);
            onChanged(next);
          }}
          onClose={() => setOpen(false)}
        />
      )}
      {open && kind !== 'sign' && (
        <FormModal<ActionValues, DossierDetail>
          title={`${name} — ${dossier.code}`}
          okText={name}
          okButtonProps={{ danger }}
          width={kind === 'consult' ? 720 : undefined}
          onSubmit={async (values) => {
            try {
              return await actOn(dossier, action, actionFields(kind, values));
            } catch (e) {
              conflict(e);
              throw e;
            }
          }}
          success={() => t('desk.action.done', { action: name })}
          onSaved={(next) => {
            setOpen(false);
            onChanged(next);
          }}
          onClose={() => setOpen(false)}
        >
          <ActionFields kind={kind} dossier={dossier} />
        </FormModal>
      )}
    </>
  );
}
