import { Checkbox, Radio } from 'antd';
import { originalCheckAllowed } from '../../../../modules/dossiers/original-check.rules.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { ProcedureDetail, StoreItem } from '../../../types.js';
import { ComponentTags } from '../procedure/ComponentList.js';
import { FilePicker } from './FilePicker.js';
import { type Choices, type ComponentChoice, storeMatches } from './model.js';

interface Props {
  procedure: ProcedureDetail;
  store: StoreItem[];
  choices: Choices;
  onChange(componentId: string, choice: ComponentChoice): void;
  /** At the counter: a copy may be checked against the original shown instead of scanned. */
  originalCheck?: boolean;
}

/**
 * Thành phần hồ sơ: for each component, files to upload or a document already in the store; at
 * the counter, for the papers the law lets be shown, "đã đối chiếu bản chính" instead.
 */
export function ComponentsStep({ procedure, store, choices, onChange, originalCheck = false }: Props) {
  const t = useT();
  return (
    <ol style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
      {procedure.components.map((c, i) => {
        if (!c.id) return null;
        const id = c.id;
        const choice = choices[id] ?? { kind: 'files', files: [] };
        const matches = choice.kind === 'originalChecked' ? [] : storeMatches(store, c.name);
        return (
          <li key={id} data-testid="component" style={{ borderTop: '1px solid #f0f0f0', padding: '16px 0' }}>
            <div style={{ marginBottom: 8 }}>
              <strong>{i + 1}. </strong>
              {c.name}
              <ComponentTags component={c} />
            </div>
            {originalCheck && originalCheckAllowed(c.kind) && (
              <Checkbox
                data-testid="original-checked"
                checked={choice.kind === 'originalChecked'}
                onChange={(e) =>
                  onChange(id, e.target.checked ? { kind: 'originalChecked' } : { kind: 'files', files: [] })
                }
                style={{ marginBottom: 8 }}
              >
                {t('submit.originalChecked')}
              </Checkbox>
            )}
            {matches.length > 0 && (
              <Radio.Group
                aria-label={t('submit.source', { name: c.name })}
                value={choice.kind === 'store' ? choice.item.id : 'upload'}
                onChange={(e) => {
                  const item = matches.find((m) => m.id === e.target.value);
                  onChange(id, item ? { kind: 'store', item } : { kind: 'files', files: [] });
                }}
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 8 }}
              >
                {matches.map((m) => (
                  <Radio key={m.id} value={m.id}>
                    {t('submit.fromStore', {
                      code: m.sourceDossierCode,
                      date: formatDateTime(m.createdAt).slice(0, 10),
                    })}
                  </Radio>
                ))}
                <Radio value="upload">{t('submit.uploadNew')}</Radio>
              </Radio.Group>
            )}
            {choice.kind === 'files' && (
              <FilePicker
                label={c.name}
                files={choice.files}
                onChange={(files) => onChange(id, { kind: 'files', files })}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
