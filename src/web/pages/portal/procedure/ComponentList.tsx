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

/**
 * Thành phần hồ sơ: name, original or copy, how many, mandatory or not, the form to fill — a
 * download when the catalog holds the blank form's file, otherwise only its name (no file is made up).
 */
export function ComponentList({
  components,
  formFiles = [],
}: {
  components: ProcedureDetail['components'];
  formFiles?: ProcedureDetail['formFiles'];
}) {
  const t = useT();
  const fileOf = new Map(formFiles.map((f) => [f.componentId, f]));
  return (
    <ol style={{ paddingLeft: 22, margin: 0 }} data-testid="components">
      {components.map((c, i) => (
        <li key={c.id ?? i} style={{ marginBottom: 10 }}>
          <div>{c.name}</div>
          <ComponentTags component={c} />
          {c.formTemplate && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.9em' }}>
              {t('procedure.formTemplate')}:{' '}
              {c.id && fileOf.has(c.id) ? (
                <a href={fileOf.get(c.id)!.url} download data-testid="form-download">
                  {t('procedure.formDownload', { name: c.formTemplate, size: formatSize(fileOf.get(c.id)!) })}
                </a>
              ) : (
                c.formTemplate
              )}
            </Typography.Text>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "PDF, 120 KB": the file's kind and size, so a phone user knows what the link brings. */
function formatSize(f: { fileName: string; size: number }): string {
  const ext = f.fileName.split('.').pop()?.toUpperCase() ?? '';
  const kb = Math.max(1, Math.round(f.size / 1024));
  return `${ext}, ${kb.toLocaleString('vi-VN')} KB`;
}
