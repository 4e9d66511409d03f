import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n.js';

interface Loaded {
  url: string;
  type: string;
}

/**
 * Shows one stored file in the page: a PDF in the browser's viewer, an image inline. Files are
 * served as downloads (Content-Disposition: attachment), so the bytes are fetched and shown from
 * an object URL, released when the viewer closes or moves to another file.
 */
export function FileViewer({ src, title }: { src: string; title: string }) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let url: string | null = null;
    let live = true;
    setLoaded(null);
    setFailed(false);
    fetch(src, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (!live) return;
        url = URL.createObjectURL(blob);
        setLoaded({ url, type: blob.type });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [src]);

  if (failed) return <Alert type="error" showIcon message={t('desk.files.loadFailed')} />;
  if (!loaded) return <Spin style={{ display: 'block', margin: 24 }} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="file-viewer">
      {loaded.type.startsWith('image/') ? (
        <img src={loaded.url} alt={title} style={{ maxWidth: '100%', border: '1px solid #f0f0f0' }} />
      ) : (
        <iframe src={loaded.url} title={title} style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }} />
      )}
      <Button href={loaded.url} download={title} size="small">
        {t('desk.files.download')}
      </Button>
    </Space>
  );
}
