import { Card, Typography } from 'antd';
import { api, ApiError } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { dossierPath } from './dossierApi.js';

type FiledEform = ApiResponse<'/api/dossiers/{code}/eform'>;

/** The filed tờ khai điện tử, when the dossier has one: the PDF in the legal layout and the share prefilled. */
export function EformCard({ code }: { code: string }) {
  const t = useT();
  const loaded = useApiData(
    () =>
      api<FiledEform>(`${dossierPath(code)}/eform`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [code],
  );
  const eform = loaded.data;
  if (!eform) return null;
  return (
    <Card title={t('desk.eform.title')} size="small" data-testid="dossier-eform">
      <a href={`${dossierPath(code)}/eform.pdf`} target="_blank" rel="noopener" data-testid="dossier-eform-pdf">
        {eform.title} (PDF)
      </a>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('desk.eform.counts', {
          prefilled: eform.fieldsPrefilled,
          typed: eform.fieldsTyped,
          total: eform.fieldsTotal,
        })}
      </Typography.Paragraph>
    </Card>
  );
}
