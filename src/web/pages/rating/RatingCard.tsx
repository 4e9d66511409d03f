import { Alert, Skeleton, Typography } from 'antd';
import { ApiError } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { Part } from '../portal/procedure/Part.js';
import { ratingForm, sendRating } from './ratingApi.js';
import { RatingFormView } from './RatingFormView.js';

/** "Đánh giá" on the citizen's dossier page once it has its result (the portal channel). */
export function RatingCard({ code }: { code: string }) {
  const t = useT();
  const form = useApiData(() => ratingForm(code), [code]);
  // A dossier filed for them by someone else is not theirs to rate on the portal: no card.
  if (form.error instanceof ApiError && form.error.status === 403) return null;
  return (
    <Part title={t('rate.title')} testId="rating-card">
      <ErrorAlert error={form.error} />
      {form.loading && !form.data && <Skeleton active />}
      {form.data?.alreadyRated && <Alert type="success" showIcon message={t('rate.already')} />}
      {form.data && !form.data.alreadyRated && <Typography.Paragraph>{t('rate.intro', { code })}</Typography.Paragraph>}
      {form.data && !form.data.alreadyRated && (
        <RatingFormView form={form.data} onSubmit={(input) => sendRating(code, input)} />
      )}
    </Part>
  );
}
