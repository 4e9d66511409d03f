import { Alert, Button } from 'antd';
import { ApiError } from '../../../../api.js';
import { useT } from '../../../../i18n/i18n.js';
import { problemsOf } from '../../../portal/submit/problems.js';

/**
 * The API refused the intake as incomplete: no receipt can be issued. The officer guides the
 * applicant instead (what to complete, printable), or refuses to receive; nothing is filed.
 */
export function IncompleteGuidance({ error }: { error: unknown }) {
  const t = useT();
  if (!(error instanceof ApiError) || error.code !== 'DOSSIER_INCOMPLETE') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="incomplete-guidance"
      message={t('desk.incomplete.title')}
      description={
        <>
          <ul style={{ paddingLeft: 18 }}>
            {problemsOf(error).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
          <p>{t('desk.incomplete.guide')}</p>
          <Button onClick={() => window.print()}>{t('desk.incomplete.print')}</Button>
        </>
      }
    />
  );
}
