import { Alert, Form, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { withComputed } from '../../../../../modules/eforms/computed.rules.js';
import {
  canonicalEqual,
  fieldCounts,
  flatFields,
  prefilledShare,
  sectionShown,
} from '../../../../../modules/eforms/fields.rules.js';
import type { SourcedValue } from '../../../../../modules/eforms/eform.types.js';
import { useI18n } from '../../../../i18n/i18n.js';
import { FieldInput } from './FieldInput.js';
import { errorsOf, type LoadedEform, type Values } from './model.js';

interface Props {
  /** The form, its prefill and locked fields (the catalog's editor previews a definition with none). */
  loaded: Pick<LoadedEform, 'definition' | 'prefill' | 'locked'>;
  values: Values;
  onChange(values: Values): void;
  /** After "next" was pressed: every error shows, not only those of fields already touched. */
  showAll: boolean;
}

/**
 * Tờ khai điện tử: the form's sections in the legal order, each prefilled value tagged with its
 * source (population values locked), validated as the person types with the server's schema.
 */
export function EformStep({ loaded, values, onChange, showAll }: Props) {
  const { lang, t } = useI18n();
  const { definition, prefill, locked } = loaded;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const shown = withComputed(definition, values);
  const errors = useMemo(() => errorsOf(definition, values), [definition, values]);
  const requiredKeys = useMemo(
    () => new Set(flatFields(definition).flatMap((f) => (f.required ? [f.key] : []))),
    [definition],
  );
  const sourced: Record<string, SourcedValue> = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      { value: v, source: prefill[k] && canonicalEqual(prefill[k].value, v) ? prefill[k].source : 'typed' },
    ]),
  );
  const counts = fieldCounts(definition, sourced);
  const set = (key: string, value: unknown) => {
    setTouched((s) => new Set(s).add(key));
    onChange({ ...values, [key]: value });
  };
  const errorFor = (key: string) =>
    showAll || touched.has(key)
      ? [...errors].find(([path]) => path === key || path.startsWith(`${key}.`))?.[1]
      : undefined;

  return (
    <div data-testid="eform" style={{ maxWidth: 760 }}>
      <Typography.Title level={3}>{definition.title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('eform.legal', { source: definition.legalSource })}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('eform.intro')}
        description={
          <span data-testid="eform-prefilled">
            {t('eform.prefilled', {
              count: counts.prefilled,
              total: counts.total,
              share: Math.round(prefilledShare(counts) * 100),
            })}
          </span>
        }
      />
      {showAll && errors.size > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('eform.invalid', { count: errors.size })}
        />
      )}
      <Form layout="vertical" component="div">
        {definition.ui.sections
          .filter((s) => sectionShown(s, values))
          .map((s) => (
            <section key={s.key} data-testid={`eform-section-${s.key}`}>
              <Typography.Title level={4} style={{ marginTop: 8 }}>
                {s.title[lang]}
              </Typography.Title>
              {s.fields.map((key) => {
                const ui = definition.ui.fields[key]!;
                const source = sourced[key]?.source;
                const error = errorFor(key);
                const edited = prefill[key] && source === 'typed';
                const checkbox = ui.widget === 'checkbox' || ui.widget === 'commitment';
                return (
                  <Form.Item
                    key={key}
                    data-testid={`eform-field-${key}`}
                    htmlFor={`eform-${key}`}
                    label={
                      checkbox ? undefined : (
                        <span>
                          {ui.label[lang]}
                          {source && source !== 'typed' && (
                            <Tag color="blue" style={{ marginLeft: 8 }} data-testid={`eform-source-${key}`}>
                              {t(`eform.source.${source}` as 'eform.source.population')}
                            </Tag>
                          )}
                          {edited && (
                            <Tag color="orange" style={{ marginLeft: 8 }}>
                              {t('eform.edited')}
                            </Tag>
                          )}
                        </span>
                      )
                    }
                    required={!checkbox && requiredKeys.has(key)}
                    validateStatus={error ? 'error' : undefined}
                    help={error ?? (locked.has(key) ? t('eform.locked') : ui.help?.[lang])}
                    extra={ui.attachment ? t('eform.attachment', { name: ui.attachment.componentName }) : undefined}
                  >
                    <FieldInput
                      id={`eform-${key}`}
                      ui={ui}
                      value={shown[key]}
                      disabled={locked.has(key)}
                      onChange={(v) => set(key, v)}
                    />
                  </Form.Item>
                );
              })}
            </section>
          ))}
      </Form>
    </div>
  );
}
