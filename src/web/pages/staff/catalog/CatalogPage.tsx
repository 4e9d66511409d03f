import { Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { DecisionsTab } from './DecisionsTab.js';
import { ImportModal } from './ImportModal.js';
import { ProceduresTab } from './ProceduresTab.js';

/** Danh mục TTHC: procedures, publication decisions, import and export of the national shape. */
export function CatalogPage() {
  const t = useT();
  const [importing, setImporting] = useState(false);
  // A finished import adds procedures and a decision: both lists load again.
  const [generation, setGeneration] = useState(0);
  return (
    <Card
      title={t('admin.cat.title')}
      extra={
        <Space wrap>
          {/* Plain links: the browser downloads the public exports itself. */}
          <a href="/api/catalog/export.xlsx" download>
            {t('admin.cat.exportXlsx')}
          </a>
          <a href="/api/catalog/export.csv" download>
            {t('admin.cat.exportCsv')}
          </a>
          <a href="/api/catalog/export.json" download>
            {t('admin.cat.exportJson')}
          </a>
          <Button onClick={() => setImporting(true)}>{t('admin.cat.import')}</Button>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'procedures', label: t('admin.cat.procedures'), children: <ProceduresTab key={generation} /> },
          { key: 'decisions', label: t('admin.cat.decisions'), children: <DecisionsTab key={generation} /> },
        ]}
      />
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={() => setGeneration((n) => n + 1)} />}
    </Card>
  );
}
