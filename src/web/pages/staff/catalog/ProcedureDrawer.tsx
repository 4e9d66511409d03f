import { Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatVnd } from '../../../format.js';
import { useI18n } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import type { ProcedureDetail } from '../../../types.js';
import { CHANNEL_KEY, timeLimitText } from '../../portal/labels.js';
import { EformEditorDrawer } from './EformEditorDrawer.js';
import { FormFiles } from './FormFiles.js';
import { OnlinePaymentModal } from './OnlinePaymentModal.js';

type Version = ProcedureDetail['versions'][number];

/** One procedure: what the current version says, where it is handled, and every version; its channels' online payment flag can be changed. */
export function ProcedureDrawer({ procedureId, onClose }: { procedureId: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const detail = useApiData(() => api<ProcedureDetail>(`/api/procedures/${procedureId}`), [procedureId]);
  const p = detail.data;
  const [editingPayment, setEditingPayment] = useState(false);
  const [editingEform, setEditingEform] = useState(false);
  return (
    <Drawer
      open
      width={720}
      title={p ? `${p.nationalCode} · ${p.name}` : t('admin.cat.procedure')}
      onClose={onClose}
      loading={detail.loading && !p}
      extra={
        <Space wrap>
          <Button
            disabled={p?.status !== 'active'}
            onClick={() => setEditingPayment(true)}
            data-testid="edit-online-payment"
          >
            {t('pay.flag.edit')}
          </Button>
          <Button
            disabled={p?.status !== 'active' || !p.currentVersionId}
            onClick={() => setEditingEform(true)}
            data-testid="edit-eform"
          >
            {t('eformAdmin.open')}
          </Button>
          <Button type="primary" onClick={() => navigate(`/staff/workflows?procedure=${procedureId}`)}>
            {t('admin.cat.workflows')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={detail.error} />
      {p && (
        <>
          <Descriptions column={1} bordered size="small" data-testid="procedure-detail">
            <Descriptions.Item label={t('admin.cat.field')}>{p.fieldName}</Descriptions.Item>
            <Descriptions.Item label={t('admin.cat.units')}>
              {p.competentUnits.map((u) => u.name).join('; ') || t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.cat.fullyOnlineEligible')}>
              <span data-testid="fully-online-eligible">{t(p.fullyOnlineEligible ? 'common.yes' : 'common.no')}</span>
            </Descriptions.Item>
            {p.channels.map((c) => (
              <Descriptions.Item key={c.channel} label={t(CHANNEL_KEY[c.channel])}>
                {timeLimitText(t, lang, c.timeLimit)}
                {c.fees.length > 0 && ` · ${c.fees.map((f) => `${f.name}: ${formatVnd(f.amountVnd)}`).join('; ')}`}
                {' · '}
                {t('pay.flag.title')}:{' '}
                <span data-testid={`online-payment-${c.channel}`}>
                  {t(c.onlinePayment ? 'common.yes' : 'common.no')}
                </span>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <FormFiles procedure={p} onSaved={detail.reload} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('admin.cat.versions')}
          </Typography.Title>
          <Table<Version>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.versions}
            columns={[
              { title: t('admin.cat.versionNo'), dataIndex: 'versionNo', width: 90 },
              { title: t('admin.cat.effectiveFrom'), dataIndex: 'effectiveFrom', render: formatDate },
              {
                title: t('admin.cat.effectiveTo'),
                dataIndex: 'effectiveTo',
                render: (d: string | null) => (d ? formatDate(d) : t('admin.cat.inForce')),
              },
              { title: t('admin.cat.decision'), dataIndex: 'decisionNumber' },
            ]}
          />
        </>
      )}
      {p?.currentVersionId && editingEform && (
        <EformEditorDrawer
          versionId={p.currentVersionId}
          title={`${p.nationalCode} · ${p.name}`}
          onClose={() => setEditingEform(false)}
        />
      )}
      {p && editingPayment && (
        <OnlinePaymentModal
          procedure={p}
          onClose={() => setEditingPayment(false)}
          onSaved={() => {
            setEditingPayment(false);
            detail.reload();
          }}
        />
      )}
    </Drawer>
  );
}
