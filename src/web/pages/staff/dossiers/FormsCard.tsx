import { Card, List } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import { type DossierForm, formUrl } from './dossierApi.js';
import type { DossierDetail } from './types.js';

/** The forms of Circular 03/2025 that apply to this dossier now. */
export function formsOf(d: DossierDetail): DossierForm[] {
  const forms: DossierForm[] = [];
  if (d.receivedAt) forms.push('01');
  if (d.supplementCount > 0) forms.push('02');
  if (d.status === 'refused') forms.push('03');
  if ((d.extensions?.length ?? 0) > 0) forms.push('04');
  if (d.status === 'stopped') forms.push('05');
  if (d.receivedAt) forms.push('06');
  return forms;
}

/** Links to the PDFs (they open in the browser's viewer, from where they print). */
export function FormsCard({ dossier }: { dossier: DossierDetail }) {
  const t = useT();
  return (
    <Card title={t('desk.forms.title')} size="small" data-testid="dossier-forms">
      <List
        dataSource={formsOf(dossier)}
        locale={{ emptyText: t('desk.forms.none') }}
        renderItem={(form) => (
          <List.Item>
            <a href={formUrl(dossier.code, form)} target="_blank" rel="noopener">
              {t('desk.forms.number', { n: form })}: {t(`desk.forms.${form}`)}
            </a>
          </List.Item>
        )}
      />
    </Card>
  );
}
