import { Tag, Typography } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureContent, ProcedureDetail } from '../../../types.js';
import { LEVEL_KEY, ONLINE_LEVEL_KEY } from '../labels.js';

/** The line under a procedure's name: code, field, level, online level, postal, identity level required. */
export function ProcedureFacts({ procedure }: { procedure: ProcedureDetail }) {
  const t = useT();
  const content = procedure.currentVersion.content as ProcedureContent;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }} data-testid="procedure-facts">
      <Typography.Text type="secondary">
        {t('procedure.code')}: {procedure.nationalCode} · {procedure.fieldName} ·{' '}
        {content.levels.map((l) => t(LEVEL_KEY[l])).join(', ')}
      </Typography.Text>
      <Tag color={content.onlineLevel === 'full' ? 'green' : content.onlineLevel === 'partial' ? 'blue' : 'default'}>
        {t('procedure.onlineLevel')}: {t(ONLINE_LEVEL_KEY[content.onlineLevel])}
      </Tag>
      {content.postal && <Tag>{t('procedure.postal')}</Tag>}
      {procedure.identityLevelRequired === 2 && <Tag color="red">{t('procedure.identityLevel2')}</Tag>}
    </div>
  );
}
