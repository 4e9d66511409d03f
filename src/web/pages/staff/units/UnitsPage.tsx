import { Button, Card, Checkbox, Empty, Space, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { type Translate, useT } from '../../../i18n/i18n.js';
import type { UnitNode } from '../../../types.js';
import { useHolds } from '../scopes.js';
import { UnitDrawer } from './UnitDrawer.js';
import { UnitFormModal } from './UnitFormModal.js';
import type { ApiResponse } from '../../../api/types.js';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function toTreeData(nodes: UnitNode[], t: Translate): TreeItem[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span>
        {node.name} <Typography.Text type="secondary">({node.officialCode})</Typography.Text>
        {node.validTo && <Tag style={{ marginLeft: 8 }}>{t('units.closedTag')}</Tag>}
      </span>
    ),
    children: toTreeData(node.children, t),
  }));
}

/** Đơn vị: the organisation tree; details in a drawer; administrators add, edit and close. */
export function UnitsPage() {
  const t = useT();
  const canManage = useHolds('unit.manage');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const tree = useApiData(
    () => api<ApiResponse<'/api/units'>>('/api/units', { query: { includeClosed } }),
    [includeClosed],
  );
  const treeData = useMemo(() => toTreeData(tree.data?.units ?? [], t), [tree.data, t]);
  const roots = (tree.data?.units ?? []).map((u) => u.id);

  return (
    <Card
      title={t('units.title')}
      extra={
        <Space>
          <Checkbox checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)}>
            {t('units.includeClosed')}
          </Checkbox>
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('units.add')}
            </Button>
          )}
        </Space>
      }
      loading={tree.loading && !tree.data}
    >
      <ErrorAlert error={tree.error} />
      {treeData.length === 0 && !tree.loading ? (
        <Empty description={t('units.empty')} />
      ) : (
        <Tree<TreeItem>
          key={roots.join(',')}
          treeData={treeData}
          defaultExpandedKeys={roots}
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => setSelected(keys.length ? String(keys[0]) : null)}
          blockNode
          data-testid="units-tree"
        />
      )}
      {selected && (
        <UnitDrawer unitId={selected} canManage={canManage} onClose={() => setSelected(null)} onChanged={tree.reload} />
      )}
      {creating && (
        <UnitFormModal
          onClose={() => setCreating(false)}
          onSaved={(unit) => {
            setCreating(false);
            tree.reload();
            setSelected(unit.id);
          }}
        />
      )}
    </Card>
  );
}
