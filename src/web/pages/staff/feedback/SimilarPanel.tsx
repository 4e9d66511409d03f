import { Card, List, Tag } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { similarFeedback } from '../../portal/feedback/feedbackApi.js';
import { STATUS_COLOR, statusKey } from '../../portal/feedback/labels.js';

/** Possible duplicates (open items with similar text, the same procedure first), for the officer to compare. */
export function SimilarPanel({ id }: { id: string }) {
  const t = useT();
  const similar = useApiData(() => similarFeedback(id), [id]);
  return (
    <Card title={t('fb.desk.similar')} size="small" data-testid="feedback-similar">
      <ErrorAlert error={similar.error} />
      <List
        size="small"
        loading={similar.loading}
        dataSource={similar.data?.items ?? []}
        locale={{ emptyText: t('fb.desk.similarEmpty') }}
        renderItem={(s) => (
          <List.Item>
            <div>
              <Link to={`/staff/feedback/${encodeURIComponent(s.code)}`}>{s.code}</Link> {s.title}
              <div>
                <Tag color={STATUS_COLOR[s.status]}>{t(statusKey(s.status))}</Tag>
                {s.sameProcedure && <Tag>{t('fb.desk.sameProcedure')}</Tag>}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
