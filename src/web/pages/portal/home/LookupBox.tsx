import { Input, Typography } from 'antd';
import { Section } from '../../../components/Section.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';

/** Tra cứu hồ sơ from the home page: the code leads to the lookup page (the receipt's QR does too). */
export function LookupBox() {
  const t = useT();
  return (
    <Section title={t('portal.lookup.title')}>
      <Typography.Paragraph>{t('home.lookup.text')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('lookup.placeholder')}
        aria-label={t('lookup.code')}
        enterButton={t('lookup.submit')}
        onSearch={(code) => code.trim() && navigate(`/tra-cuu?ma=${encodeURIComponent(code.trim())}`)}
      />
    </Section>
  );
}
