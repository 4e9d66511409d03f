import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { blankToNull } from '../../../components/forms.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from '../../../types.js';
import { actOn } from './actOn.js';

/** Rút hồ sơ: the applicant stops their dossier, after confirming (it cannot be undone). */
export function WithdrawAction({ dossier, onDone }: { dossier: DossierDetail; onDone(d: DossierDetail): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('mine.withdraw')}
      </Button>
      {open && (
        <FormModal<{ note?: string }, DossierDetail>
          title={t('mine.withdraw.title', { code: dossier.code })}
          okText={t('mine.withdraw')}
          okButtonProps={{ danger: true }}
          intro={<p>{t('mine.withdraw.confirm')}</p>}
          onSubmit={({ note }) => actOn(dossier, 'withdraw', { note: blankToNull(note) ?? undefined })}
          success={() => t('mine.withdraw.done')}
          onSaved={(d) => {
            setOpen(false);
            onDone(d);
          }}
          onClose={() => setOpen(false)}
        >
          <Form.Item name="note" label={t('mine.withdraw.reason')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
