import { Descriptions, Drawer, Table, Tag } from 'antd';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DecisionDetail } from '../../../types.js';
import { NationalPublication } from './NationalPublication.js';
import { Timeliness } from './Timeliness.js';

type Item = DecisionDetail['items'][number];
const KIND_COLOR: Record<Item['changeKind'], string> = {
  new: 'green',
  amended: 'blue',
  replaced: 'purple',
  abolished: 'red',
};

/** One publication decision: its header, timeliness and the procedures it changed. */
export function DecisionDrawer({
  decisionId,
  onClose,
  onChanged,
}: {
  decisionId: string;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const detail = useApiData(() => api<DecisionDetail>(`/api/decisions/${decisionId}`), [decisionId]);
  const d = detail.data;
  return (
    <Drawer
      open
      width={760}
      title={d ? d.number : t('admin.dec.detail')}
      onClose={onClose}
      loading={detail.loading && !d}
    >
      <ErrorAlert error={detail.error} />
      {d && (
        <>
          <Descriptions column={1} bordered size="small" data-testid="decision-detail">
            <Descriptions.Item label={t('admin.dec.signedDate')}>{formatDate(d.signedDate)}</Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.signer')}>{d.signer}</Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.issuingUnit')}>{d.issuingUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.effectiveDate')}>{formatDate(d.effectiveDate)}</Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.legalBasis')}>
              {formatDate(d.legalBasisEffectiveDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.nationalPublished')}>
              <NationalPublication
                decision={d}
                onSaved={() => {
                  detail.reload();
                  onChanged();
                }}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.dec.timeliness')}>
              <Timeliness compliance={d.compliance} />
            </Descriptions.Item>
          </Descriptions>
          <Table<Item>
            style={{ marginTop: 24 }}
            rowKey="procedureId"
            size="small"
            dataSource={d.items}
            pagination={d.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t('admin.cat.code'), dataIndex: 'nationalCode', width: 110 },
              { title: t('admin.cat.name'), dataIndex: 'name' },
              {
                title: t('admin.dec.changeKind'),
                dataIndex: 'changeKind',
                render: (k: Item['changeKind']) => <Tag color={KIND_COLOR[k]}>{t(`admin.change.${k}`)}</Tag>,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
