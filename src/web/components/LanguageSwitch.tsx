import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/i18n.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi', title: t('lang.vi') },
        { label: 'EN', value: 'en', title: t('lang.en') },
      ]}
    />
  );
}
