import { Button, Card, Empty, List, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { fileUrl } from './dossierApi.js';
import { FileViewer } from './FileViewer.js';

export interface DocumentEntry {
  key: string;
  name: string;
  fileIds: string[];
  /** Beside the name: the result's number and dates, for instance. */
  description?: React.ReactNode;
}

/** Thành phần hồ sơ or results: each with its files, opened in the viewer. */
export function DocumentsCard({ title, entries, testId }: { title: string; entries: DocumentEntry[]; testId: string }) {
  const t = useT();
  const [open, setOpen] = useState<{ fileId: string; name: string } | null>(null);
  return (
    <Card title={title} size="small" data-testid={testId}>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.documents.none')} />
      ) : (
        <List
          dataSource={entries}
          renderItem={(entry) => (
            <List.Item
              actions={entry.fileIds.map((fileId, i) => (
                <Button
                  key={fileId}
                  size="small"
                  onClick={() => setOpen({ fileId, name: entry.name })}
                  aria-label={t('desk.documents.viewNamed', { name: entry.name, n: i + 1 })}
                >
                  {t('desk.documents.view', { n: i + 1 })}
                </Button>
              ))}
            >
              <List.Item.Meta title={entry.name} description={entry.description} />
            </List.Item>
          )}
        />
      )}
      {open && (
        <Modal
          open
          title={open.name}
          width="min(960px, 96vw)"
          footer={null}
          onCancel={() => setOpen(null)}
          destroyOnHidden
        >
          <FileViewer src={fileUrl(open.fileId)} title={open.name} />
        </Modal>
      )}
    </Card>
  );
}
