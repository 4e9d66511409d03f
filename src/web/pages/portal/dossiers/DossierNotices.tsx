import { Alert } from 'antd';
import { formatDateTime, formatVnd } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from '../../../types.js';

/**
 * What the applicant must know or do now: a supplement asked for (with the officer's note), a
 * financial obligation to pay, a new appointment with the authority's apology.
 */
export function DossierNotices({ dossier: d }: { dossier: DossierDetail }) {
  const t = useT();
  const request =
    d.status === 'awaitingSupplement' ? d.events.findLast((e) => e.action === 'requestSupplement') : undefined;
  const unpaid = d.obligations.filter((o) => !o.paidAt);
  const extension = d.extensions.at(-1);
  const style = { marginBottom: 16 };
  return (
    <>
      {request && (
        <Alert
          type="warning"
          showIcon
          style={style}
          data-testid="supplement-request"
          message={t('mine.supplementRequested', { date: formatDateTime(request.occurredAt) })}
          description={request.note}
        />
      )}
      {unpaid.map((o) => (
        <Alert
          key={o.id}
          type="warning"
          showIcon
          style={style}
          message={t('mine.obligation', { amount: formatVnd(o.amountVnd) })}
          description={o.description}
        />
      ))}
      {extension && (
        <Alert
          type="info"
          showIcon
          style={style}
          message={t('mine.extension', { date: formatDateTime(extension.newAppointmentAt) })}
          description={extension.reason}
        />
      )}
    </>
  );
}
