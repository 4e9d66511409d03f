import { Input, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { navigate, useLocation } from '../../../router.js';
import { LookupError } from './LookupError.js';
import { PublicDossierCard } from './PublicDossierCard.js';
import { usePublicDossier } from './usePublicDossier.js';
import { VerifyDocument } from './VerifyDocument.js';

/**
 * /tra-cuu?ma=<code>: the dossier lookup, no login. The receipt's QR opens exactly this URL
 * (publicLookupUrl on the server), so a scanned receipt shows its dossier straight away. Below
 * it, the check of a signed result PDF (VerifyDocument).
 */
export default function LookupPage() {
  const t = useT();
  const { search } = useLocation();
  const code = (search.get('ma') ?? '').trim();
  const [text, setText] = useState(code);
  useEffect(() => setText(code), [code]);
  const lookup = usePublicDossier(code);
  return (
    <section style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('portal.lookup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('lookup.intro')}</Typography.Paragraph>
      <Input.Search
        size="large"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('lookup.placeholder')}
        aria-label={t('lookup.code')}
        enterButton={t('lookup.submit')}
        onSearch={(value) => navigate(`/tra-cuu?ma=${encodeURIComponent(value.trim())}`)}
        style={{ marginBottom: 24 }}
      />
      <LookupError error={lookup.error} />
      {lookup.loading && code && <Skeleton active />}
      {lookup.data && !lookup.loading && !lookup.error && <PublicDossierCard dossier={lookup.data} />}
      <VerifyDocument />
    </section>
  );
}
