import { Alert, Col, Input, Layout, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PublicHeader } from '../components/PublicHeader.js';
import { Section } from '../components/Section.js';
import { useApiData } from '../components/useApiData.js';
import { useT } from '../i18n/i18n.js';
import { Link } from '../router.js';
import type { UnitNode } from '../types.js';

function countUnits(nodes: UnitNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countUnits(node.children), 0);
}

/** Cổng dịch vụ công: the public home page (the procedure catalogue arrives in a later issue). */
export function PortalPage() {
  const t = useT();
  const [searched, setSearched] = useState(false);
  const tree = useApiData(() => api<{ units: UnitNode[] }>('/api/units', { on401: 'throw' }), []);
  const roots = tree.data?.units ?? [];
  const province = roots.find((u) => u.kind === 'province') ?? roots[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PublicHeader provinceName={province?.name ?? null} />
      <Layout.Content style={{ padding: '32px 24px', maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <section style={{ textAlign: 'center', padding: '24px 0 32px' }}>
          <Typography.Title level={2}>{t('portal.hero.title')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16, maxWidth: 720, margin: '0 auto 24px' }}>
            {t('portal.hero.text')}
          </Typography.Paragraph>
          <Input.Search
            size="large"
            allowClear
            style={{ maxWidth: 640 }}
            placeholder={t('portal.search.placeholder')}
            aria-label={t('portal.search.placeholder')}
            enterButton={t('common.search')}
            onSearch={() => setSearched(true)}
          />
          {searched && <Alert style={{ maxWidth: 640, margin: '16px auto 0' }} type="info" showIcon message={t('portal.search.soon')} />}
        </section>
        <ErrorAlert error={tree.error} />
        <Row gutter={[24, 24]}>
          <Col xs={24} md={12}>
            <Section title={t('portal.lookup.title')}>
              <Typography.Paragraph>{t('portal.lookup.text')}</Typography.Paragraph>
              <Link to="/login">{t('portal.login')}</Link>
            </Section>
          </Col>
          <Col xs={24} md={12}>
            <Section title={t('portal.units.title')}>
              {tree.loading && <Skeleton active paragraph={{ rows: 1 }} />}
              {province && (
                <>
                  <Typography.Paragraph strong>{province.name}</Typography.Paragraph>
                  <Typography.Paragraph>{t('portal.units.text', { count: countUnits(roots) })}</Typography.Paragraph>
                </>
              )}
            </Section>
          </Col>
        </Row>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{t('portal.footer')}</Layout.Footer>
    </Layout>
  );
}
