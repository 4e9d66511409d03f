/**
 * Mẫu đơn, tờ khai of the current version: for each component that names a form, its file (a link)
 * or none yet, and an upload (PUT …/form-file; PDF, DOC or DOCX, the server reads the type).
 */
import { Button, List, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../types.js';

type Component = ProcedureDetail['components'][number];

function FormFileRow({ p, c, onSaved }: { p: ProcedureDetail; c: Component; onSaved(): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const file = p.formFiles.find((f) => f.componentId === c.id);
  const upload = async (chosen: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', chosen, chosen.name);
      await api(`/api/procedure-versions/${p.currentVersion.id}/components/${c.id}/form-file`, { method: 'PUT', body });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      data-testid="form-file-row"
      actions={[
        <Button key="upload" size="small" loading={busy} onClick={() => input.current?.click()}>
          {t(file ? 'admin.cat.formFile.replace' : 'admin.cat.formFile.upload')}
        </Button>,
      ]}
    >
      <input
        ref={input}
        type="file"
        hidden
        accept=".pdf,.doc,.docx,application/pdf,application/msword"
        aria-label={t('admin.cat.formFile.upload')}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          if (chosen) void upload(chosen);
        }}
      />
      <List.Item.Meta
        title={c.formTemplate}
        description={
          <>
            {file ? (
              <a href={file.url} download>
                {file.fileName}
              </a>
            ) : (
              <Typography.Text type="secondary">{t('admin.cat.formFile.none')}</Typography.Text>
            )}
            <ErrorAlert error={error} />
          </>
        }
      />
    </List.Item>
  );
}

export function FormFiles({ procedure, onSaved }: { procedure: ProcedureDetail; onSaved(): void }) {
  const t = useT();
  const forms = procedure.components.filter((c) => c.id && c.formTemplate);
  if (forms.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('admin.cat.formFile.title')}
      </Typography.Title>
      <List size="small" dataSource={forms} renderItem={(c) => <FormFileRow p={procedure} c={c} onSaved={onSaved} />} />
    </>
  );
}
