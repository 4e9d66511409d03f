import { Tag, Typography } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureDetail } from '../../../types.js';
import { COMPONENT_KIND_KEY } from '../labels.js';

type Component = ProcedureDetail['components'][number];

/** Under a component's name: mandatory or not, original or copy, how many. */
export function ComponentTags({ component: c }: { component: Component }) {
  const t = useT();
  return (
    <div style={{ marginTop: 4 }}>
      {c.mandatory ? <Tag color="red">{t('procedure.mandatory')}</Tag> : <Tag>{t('procedure.optional')}</Tag>}
      <Typography.Text type="secondary">
        {t(COMPONENT_KIND_KEY[c.kind])} · {t('procedure.count', { count: c.count })}
      </Typography.Text>
    </div>
  );
}

/** Thành phần hồ sơ: name, original or copy, how many, mandatory or not, the form to fill. */
export function ComponentList({ components }: { components: ProcedureDetail['components'] }) {
  const t = useT();
  return (
    <ol style={{ paddingLeft: 22, margin: 0 }} data-testid="components">
      {components.map((c, i) => (
        <li key={c.id ?? i} style={{ marginBottom: 10 }}>
          <div>{c.name}</div>
          <ComponentTags component={c} />
          {c.formTemplate && (
            // The catalog names the form (mẫu đơn, tờ khai); it carries no file to download yet.
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.9em' }}>
              {t('procedure.formTemplate')}: {c.formTemplate}
            </Typography.Text>
          )}
        </li>
      ))}
    </ol>
  );
}
