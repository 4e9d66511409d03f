import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useApiData } from '../../../components/useApiData.js';
import { useVersionConflict } from '../../../components/useVersionConflict.js';
import { useT } from '../../../i18n/i18n.js';
import type { StoredFile } from '../../../types.js';
import { FilesField } from './ActionFields.js';
import { type CertifiedCopy, certifyCopy, getCertifiedCopies } from './certifiedCopy.js';
import { fileUrl } from './dossierApi.js';
import { FileViewer } from './FileViewer.js';
import { SignResultDialog } from './SignResultDialog.js';
import type { DossierDetail } from './types.js';

interface Values {
  scanFileId?: string;
  upload?: StoredFile[];
  certifierTitle?: string;
  comparedWithOriginal?: boolean;
}

/**
 * Chứng thực bản sao điện tử từ bản chính, on a certification dossier for the official who may
 * sign its result: pick the scan (filed at the counter, or a new one), confirm it was compared
 * with the original, and the server makes the numbered copy with its statement; preview it, then
 * sign and seal it as the result with the usual "Phê duyệt, ký kết quả" dialog, filled in.
 */
export function CertifiedCopyAction({
  dossier,
  onChanged,
}: {
  dossier: DossierDetail;
  onChanged(next: DossierDetail | null): void;
}) {
  const t = useT();
  const [making, setMaking] = useState(false);
  const [preview, setPreview] = useState<CertifiedCopy | null>(null);
  const [signing, setSigning] = useState<CertifiedCopy | null>(null);
  const conflict = useVersionConflict(
    () => setSigning(null),
    () => onChanged(null),
  );

  // Read again when the dossier moves (its version): who may certify changes with the step.
  const loaded = useApiData(() => getCertifiedCopies(dossier.code), [dossier.code, dossier.version]);
  const standing = loaded.data;

  if (!standing?.certification || !standing.mayCertify) return null;
  const scans = dossier.components.flatMap((c) =>
    c.fileIds.map((id, i) => ({ value: id, label: t('desk.certify.fileOption', { name: c.name, n: i + 1 }) })),
  );
  const signName = t('desk.action.signResult');

  const submit = (values: Values) => {
    const scanFileId = values.upload?.[0]?.id ?? values.scanFileId;
    if (!scanFileId) throw new ApiError(0, 'SCAN_MISSING', t('desk.certify.scanRequired'));
    return certifyCopy(dossier.code, {
      scanFileId,
      comparedWithOriginal: values.comparedWithOriginal === true,
      ...(values.certifierTitle?.trim() ? { certifierTitle: values.certifierTitle.trim() } : {}),
    });
  };

  return (
    <Space wrap data-testid="certified-copies">
      <Button onClick={() => setMaking(true)}>{t('desk.certify.button')}</Button>
      {standing.copies.map((c) => (
        <Button key={c.id} type="link" onClick={() => setPreview(c)}>
          {t('desk.certify.copy', { register: c.register })}
        </Button>
      ))}
      {making && (
        <FormModal<Values, CertifiedCopy>
          title={t('desk.certify.title', { code: dossier.code })}
          okText={t('desk.certify.ok')}
          width={640}
          initialValues={{ scanFileId: scans[0]?.value }}
          onSubmit={async (values) => submit(values)}
          success={(copy) => t('desk.certify.done', { register: copy.register })}
          onSaved={(copy) => {
            setMaking(false);
            loaded.reload();
            setPreview(copy);
          }}
          onClose={() => setMaking(false)}
        >
          <Form.Item name="scanFileId" label={t('desk.certify.scan')}>
            <Select options={scans} allowClear aria-label={t('desk.certify.scan')} />
          </Form.Item>
          <Form.Item name="upload" label={t('desk.certify.upload')}>
            <FilesField label={t('desk.certify.upload')} />
          </Form.Item>
          <Form.Item name="certifierTitle" label={t('desk.certify.certifierTitle')}>
            <Input placeholder={t('desk.certify.certifierTitlePlaceholder')} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="comparedWithOriginal"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v === true ? Promise.resolve() : Promise.reject(new Error(t('desk.certify.compareRequired'))),
              },
            ]}
          >
            <Checkbox>{t('desk.certify.compared')}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
      {preview && (
        <Modal
          open
          title={t('desk.certify.preview', { register: preview.register })}
          width={800}
          onCancel={() => setPreview(null)}
          footer={[
            <Button key="close" onClick={() => setPreview(null)}>
              {t('common.close')}
            </Button>,
            dossier.allowedActions.includes('signResult') && (
              <Button
                key="sign"
                type="primary"
                onClick={() => {
                  setSigning(preview);
                  setPreview(null);
                }}
              >
                {t('desk.certify.sign')}
              </Button>
            ),
          ]}
        >
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('desk.certify.previewHelp')} />
          <FileViewer src={fileUrl(preview.file.id)} title={preview.register} />
        </Modal>
      )}
      {signing && (
        <SignResultDialog
          dossier={dossier}
          title={`${signName} — ${dossier.code}`}
          okText={signName}
          initialValues={{ files: [signing.file], number: signing.register }}
          conflict={conflict}
          onSaved={(next) => {
            setSigning(null);
            onChanged(next);
          }}
          onClose={() => setSigning(null)}
        />
      )}
    </Space>
  );
}
