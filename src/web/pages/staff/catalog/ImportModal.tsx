import { Button, Form, Modal, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useT } from '../../../i18n/i18n.js';
import type { CatalogImport } from '../../../types.js';
import { DecisionHeaderFields, type DecisionHeaderValues, decisionHeader } from './DecisionHeaderFields.js';
import { ImportProgress } from './ImportProgress.js';
import { postImportFile, sheetType } from './postSheet.js';

const POLL_MS = 1000;

/**
 * Nhập danh mục: a national-shape JSON, a CSV or an XLSX sheet, with the publication decision that
 * brings it in. The server answers at once (202) and applies the rows in batches; the dialog
 * polls the import until it is done and lists every rejected row with its reasons.
 */
export function ImportModal({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const t = useT();
  const [form] = Form.useForm<DecisionHeaderValues>();
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<CatalogImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (status?.status !== 'running') return;
    const timer = setTimeout(() => {
      api<CatalogImport>(`/api/catalog/imports/${status.id}`)
        .then((next) => {
          setStatus(next);
          if (next.status !== 'running') onImported();
        })
        .catch(setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [status, onImported]);

  const start = async (v: DecisionHeaderValues) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const started = await postImportFile<CatalogImport>('/api/catalog/imports', file, {
        ...decisionHeader(v),
        fileName: file.name,
      });
      setStatus(started);
      if (started.status !== 'running') onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('admin.cat.import')}
      okText={status ? t('common.close') : t('admin.imp.start')}
      cancelButtonProps={{ style: status ? { display: 'none' } : {} }}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !status && !file }}
      confirmLoading={busy}
      onOk={() => (status ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {status ? (
        <ImportProgress status={status} />
      ) : (
        <Form<DecisionHeaderValues> form={form} layout="vertical" onFinish={(v) => void start(v)}>
          <Form.Item label={t('admin.imp.file')} extra={t('admin.imp.fileHelp')} required>
            <Upload
              accept=".json,.csv,.xlsx"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(sheetType(chosen.name) ? chosen : null);
                return false; // read here, sent with the form (no upload of its own)
              }}
              onRemove={() => setFile(null)}
            >
              <Button aria-label={t('admin.imp.file')}>{t('files.choose')}</Button>
            </Upload>
          </Form.Item>
          <DecisionHeaderFields />
        </Form>
      )}
    </Modal>
  );
}
