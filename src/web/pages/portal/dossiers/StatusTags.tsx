import { Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { DossierStatus } from '../../../types.js';
import { STATUS_COLOR, STATUS_KEY } from '../labels.js';
import { ON_TIME, type OnTime } from './timeState.js';

/** A dossier's status and, when a clock runs or ran, whether it is or was on time. */
export function StatusTags({ status, onTime }: { status: DossierStatus; onTime: OnTime | null }) {
  const t = useT();
  return (
    <>
      <Tag color={STATUS_COLOR[status]} data-testid="dossier-status">
        {t(STATUS_KEY[status])}
      </Tag>
      {onTime && <Tag color={ON_TIME[onTime].color}>{t(ON_TIME[onTime].key)}</Tag>}
    </>
  );
}
