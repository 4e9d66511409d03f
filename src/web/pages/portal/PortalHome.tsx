import { Col, Input, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { navigate, useLocation } from '../../router.js';
import { BrowseFields } from './home/BrowseFields.js';
import { BrowseUnits } from './home/BrowseUnits.js';
import { homeUrl } from './home/homeUrl.js';
import { LookupBox } from './home/LookupBox.js';
import { ProcedureResults } from './home/ProcedureResults.js';
import { useDebounced } from './useDebounced.js';

/** Cổng dịch vụ công: search as you type, browse by field and by unit, look up a dossier. */
export function PortalHome() {
  const t = useT();
  const { search } = useLocation();
  const field = search.get('linh-vuc');
  const unit = search.get('don-vi');
  const [text, setText] = useState(search.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);

  // The URL follows the settled text (replace: typing is not history), so Back returns here.
  useEffect(() => {
    if (q !== (new URLSearchParams(window.location.search).get('q') ?? ''))
      navigate(homeUrl({ q, field, unit }), { replace: true });
  }, [q, field, unit]);

  const filtering = Boolean(q || field || unit);
  return (
    <>
      <section style={{ textAlign: 'center', padding: '8px 0 24px' }}>
        <Typography.Title level={2}>{t('portal.hero.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16, maxWidth: 720, margin: '0 auto 24px' }}>
          {t('portal.hero.text')}
        </Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear
          role="searchbox"
          style={{ maxWidth: 640 }}
          placeholder={t('portal.search.placeholder')}
          aria-label={t('portal.search.placeholder')}
          enterButton={t('common.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={setText}
        />
      </section>
      {filtering && <ProcedureResults q={q} field={field} unit={unit} />}
      <Row gutter={[24, 24]} style={{ marginTop: filtering ? 24 : 0 }}>
        <Col span={24}>
          <LookupBox />
        </Col>
        <Col xs={24} md={12}>
          <BrowseFields current={field} />
        </Col>
        <Col xs={24} md={12}>
          <BrowseUnits current={unit} />
        </Col>
      </Row>
    </>
  );
}
