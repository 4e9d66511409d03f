import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { ProcedureSelect } from './ProcedureSelect.js';

/** Two fields side by side on a wide screen, stacked on a phone. */
export function Columns({ children }: { children: ReactNode }) {
  return (
    <div
      style={{ display: 'grid', gap: '0 16px', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))' }}
    >
      {children}
    </div>
  );
}

/** What the feedback is about, both optional: a dossier code (the procedure follows from it) or a procedure. */
export function AboutFields() {
  const t = useT();
  return (
    <Columns>
      <Form.Item name="dossierCode" label={t('fb.form.dossierCode')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="procedureId" label={t('fb.form.procedure')}>
        <ProcedureSelect placeholder={t('fb.form.procedureSearch')} />
      </Form.Item>
    </Columns>
  );
}
