import { Button, Form, Input, Select, Space } from 'antd';
import { api } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import type { DecisionDetail } from '../../../types.js';
import { DecisionHeaderFields, type DecisionHeaderValues, decisionHeader } from './DecisionHeaderFields.js';

const CHANGE_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const;

interface ItemValues {
  changeKind: (typeof CHANGE_KINDS)[number];
  nationalCode: string;
  replacesNationalCode?: string;
  /** The procedure's content in the API's shape (JSON), for new, amended and replacing items. */
  content?: string;
}

type Values = DecisionHeaderValues & { items: ItemValues[] };

function parseItem(item: ItemValues) {
  return {
    changeKind: item.changeKind,
    nationalCode: item.nationalCode.trim(),
    replacesNationalCode: item.replacesNationalCode?.trim() || null,
    ...(item.content?.trim() ? { content: JSON.parse(item.content) as unknown } : {}),
  };
}

/**
 * A publication decision: its header and items. The server checks every item against the
 * catalog and lists every problem (all or nothing); the content is the API's JSON, as exported.
 */
export function CreateDecisionModal({ onClose, onSaved }: { onClose(): void; onSaved(d: DecisionDetail): void }) {
  const t = useT();
  const json = {
    validator: async (_: unknown, v: string | undefined) => {
      if (v?.trim()) JSON.parse(v);
    },
    message: t('admin.dec.jsonInvalid'),
  };
  return (
    <FormModal<Values, DecisionDetail>
      title={t('admin.dec.create')}
      width={760}
      initialValues={{ items: [{ changeKind: 'abolished', nationalCode: '' }] }}
      onSubmit={(v) =>
        api<DecisionDetail>('/api/decisions', {
          method: 'POST',
          body: { ...decisionHeader(v), items: v.items.map(parseItem) },
        })
      }
      success={(d) => t('admin.dec.created', { number: d.number })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <DecisionHeaderFields />
      <Form.List name="items">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <fieldset
                key={row.key}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}
              >
                <legend style={{ fontSize: 14, width: 'auto', marginBottom: 0 }}>
                  {t('admin.dec.item', { n: i + 1 })}
                </legend>
                <Space wrap align="start">
                  <Form.Item name={[row.name, 'changeKind']} label={t('admin.dec.changeKind')}>
                    <Select
                      style={{ width: 150 }}
                      options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`admin.change.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'nationalCode']}
                    label={t('admin.cat.code')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Input placeholder="1.001193" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'replacesNationalCode']} label={t('admin.dec.replaces')}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Button
                    danger
                    onClick={() => remove(row.name)}
                    disabled={rows.length === 1}
                    style={{ marginTop: 30 }}
                  >
                    {t('desk.remove')}
                  </Button>
                </Space>
                <Form.Item
                  name={[row.name, 'content']}
                  label={t('admin.dec.content')}
                  rules={[json]}
                  extra={t('admin.dec.contentHelp')}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
              </fieldset>
            ))}
            <Button onClick={() => add({ changeKind: 'new', nationalCode: '' })}>{t('admin.dec.addItem')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
