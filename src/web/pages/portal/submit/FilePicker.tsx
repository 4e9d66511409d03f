import { Button, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { uploadFile } from '../../../components/uploadFile.js';
import { useT } from '../../../i18n/i18n.js';
import type { StoredFile } from '../../../types.js';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * Files for one component: choose (several at once), each uploaded at once to POST /api/files;
 * the server's refusal (type, size) is shown beside the component. Removing only drops it here.
 * Ant Design's Upload opens the chooser, so the browser's own English "Choose Files / No file
 * chosen" control never shows; the list below names each file.
 */
/** `label`: what the files are (the component's name), for the button's accessible name. */
export function FilePicker({
  label,
  files,
  onChange,
}: {
  label: string;
  files: StoredFile[];
  onChange(files: StoredFile[]): void;
}) {
  const t = useT();
  // The latest list: several files chosen at once finish one by one, each adding to it.
  const current = useRef(files);
  current.current = files;
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const verb = files.length > 0 ? t('files.addMore') : t('files.choose');

  const upload = async (file: File) => {
    setBusy((n) => n + 1);
    setError(null);
    try {
      const stored = await uploadFile(file, file.name);
      current.current = [...current.current, stored];
      onChange(current.current);
    } catch (e) {
      setError(e);
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <div>
      <ErrorAlert error={error} />
      {files.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 8px' }}>
          {files.map((f) => (
            <li key={f.id} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>📄 {f.originalName ?? f.id}</Typography.Text>
              <Typography.Text type="secondary">({kb(f.size)})</Typography.Text>
              <Button
                type="link"
                size="small"
                danger
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
                aria-label={t('files.remove', { name: f.originalName ?? '' })}
              >
                {t('files.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Upload multiple accept={ACCEPT} showUploadList={false} customRequest={({ file }) => void upload(file as File)}>
        <Button loading={busy > 0} aria-label={`${verb}: ${label}`}>
          {verb}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('files.accepted')}
      </Typography.Text>
    </div>
  );
}
