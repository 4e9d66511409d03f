import { Alert, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../format.js';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { ActionBar } from './ActionBar.js';
import { CertifiedCopyAction } from './CertifiedCopyAction.js';
import { ApplicantView } from './ApplicantView.js';
import { DocumentsCard } from './DocumentsCard.js';
import { getDossier } from './dossierApi.js';
import { DossierOverview } from './DossierOverview.js';
import { EformCard } from './EformCard.js';
import { FormsCard } from './FormsCard.js';
import { DossierTimeline } from '../../portal/dossiers/DossierTimeline.js';
import { PaymentsCard } from './PaymentsCard.js';
import { ProcessingCard, resultDescription } from './ProcessingCard.js';
import { onTimeState, StatusTags } from './tags.js';
import type { DossierDetail } from './types.js';

/** Hồ sơ: everything about one dossier, and what the caller may do with it now. */
export function DossierDetailPage({ code }: { code: string }) {
  const t = useT();
  const loaded = useApiData(() => getDossier(code), [code]);
  // An action answers the new state: shown at once, without reading the dossier again.
  const [latest, setLatest] = useState<DossierDetail | null>(null);
  useEffect(() => setLatest(loaded.data), [loaded.data]);
  const d = latest;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/staff/dossiers">{t('desk.detail.back')}</Link>
      <ErrorAlert error={loaded.error} />
      {!d && loaded.loading && <Spin size="large" style={{ display: 'block', margin: 48 }} />}
      {d && (
        <>
          <Card
            title={
              <Space wrap>
                <Typography.Text strong data-testid="dossier-code">
                  {d.code}
                </Typography.Text>
                <StatusTags status={d.status} onTime={onTimeState(d)} />
              </Space>
            }
          >
            {d.apologyDue && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('desk.detail.apologyDue')} />
            )}
            <div style={{ marginBottom: 16 }}>
              <Space direction="vertical" size="small">
                <ActionBar dossier={d} onChanged={(next) => (next ? setLatest(next) : loaded.reload())} />
                <CertifiedCopyAction dossier={d} onChanged={(next) => (next ? setLatest(next) : loaded.reload())} />
              </Space>
            </div>
            <DossierOverview dossier={d} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card title={t('desk.applicant.title')} size="small">
                  <ApplicantView applicant={d.applicant} populationCheck={d.populationCheck} />
                </Card>
                <DocumentsCard
                  title={t('desk.documents.components')}
                  testId="dossier-components"
                  entries={d.components.map((c) => ({
                    key: c.componentId,
                    name: c.name,
                    fileIds: c.fileIds,
                    description: componentDescription(c, t),
                  }))}
                />
                {(d.results?.length ?? 0) > 0 && (
                  <DocumentsCard
                    title={t('desk.results.title')}
                    testId="dossier-results"
                    entries={(d.results ?? []).map((r) => ({
                      key: r.id,
                      name: r.name,
                      fileIds: [r.fileId],
                      description: resultDescription(r, t),
                    }))}
                  />
                )}
                <EformCard code={d.code} />
                <FormsCard dossier={d} />
              </Space>
            </Col>
            <Col xs={24} lg={12}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <ProcessingCard dossier={d} />
                <PaymentsCard code={d.code} onPaid={loaded.reload} />
                <Card title={t('desk.history.title')} size="small" data-testid="dossier-history">
                  <DossierTimeline events={d.events} />
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

/** Where a component's paper came from: the national data store, or the original checked at the counter. */
function componentDescription(c: DossierDetail['components'][number], t: ReturnType<typeof useT>) {
  if (c.nationalDocumentId)
    return <Tag color="blue">{t('desk.documents.fromNationalStore', { id: c.nationalDocumentId })}</Tag>;
  if (c.originalCheck)
    return (
      <Tag color="green" data-testid="original-check">
        {t('desk.documents.originalChecked', {
          name: c.originalCheck.byName ?? '—',
          at: formatDateTime(c.originalCheck.at),
        })}
      </Tag>
    );
  return undefined;
}
