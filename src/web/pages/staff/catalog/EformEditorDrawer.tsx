import { Alert, App, Button, Col, Drawer, Input, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDateTime } from '../../../format.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { EformDefinition } from '../../../../modules/eforms/eform.types.js';
import { EformStep } from '../../portal/submit/eform/EformStep.js';
import type { Values } from '../../portal/submit/eform/model.js';
import { useDebounced } from '../../portal/useDebounced.js';

type VersionForms = ApiResponse<'/api/procedure-versions/{id}/eforms'>;
type Check = ApiResponse<'/api/eforms/definition-check', 'post'>;
type Problem = Check['problems'][number];
type Published = ApiResponse<'/api/procedure-versions/{id}/eform-draft/publish', 'post'>;

/** A definition to start from when the version has none: one section, one field, the commitment. */
const STARTER = {
  key: 'to-khai-moi',
  procedureCodes: [],
  title: 'TỜ KHAI',
  legalSource: 'Mẫu số …, ban hành kèm theo …',
  addressee: true,
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { fullName: { type: 'string', minLength: 1 } },
    required: ['fullName'],
  },
  ui: {
    sections: [{ key: 'requester', title: { vi: 'Người yêu cầu', en: 'Requester' }, fields: ['fullName'] }],
    fields: { fullName: { widget: 'text', label: { vi: 'Họ, chữ đệm, tên', en: 'Full name' } } },
  },
  commitment: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật.',
  signer: 'Người yêu cầu',
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

function parse(text: string): { value: unknown; error: null } | { value: null; error: string } {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The form editor of a procedure version (catalog administrators): the definition as JSON, checked
 * by the server as it is typed (problems with their paths shown beside it), a live preview with the
 * very renderer of the portal's filing step, save as draft, publish with the version's decision.
 */
export function EformEditorDrawer({
  versionId,
  title,
  onClose,
}: {
  versionId: string;
  title: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const forms = useApiData(() => api<VersionForms>(`/api/procedure-versions/${versionId}/eforms`), [versionId]);
  const [text, setText] = useState<string | null>(null);
  const [check, setCheck] = useState<{ text: string; result: Check } | null>(null);
  const [saveProblems, setSaveProblems] = useState<Problem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [values, setValues] = useState<Values>({});

  const current = forms.data?.published[0];
  // The editor starts from the draft, else the form in force, else a starter definition.
  useEffect(() => {
    if (text !== null || !forms.data) return;
    setText(pretty(forms.data.draft?.definition ?? forms.data.published[0]?.definition ?? STARTER));
  }, [forms.data, text]);

  const parsed = useMemo(() => (text === null ? null : parse(text)), [text]);
  const settled = useDebounced(text, 400);
  useEffect(() => {
    if (settled === null) return;
    const p = parse(settled);
    if (p.error !== null) return;
    let live = true;
    api<Check>('/api/eforms/definition-check', { method: 'POST', body: { definition: p.value } })
      .then((result) => {
        if (live) setCheck({ text: settled, result });
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      });
    return () => {
      live = false;
    };
  }, [settled]);

  // The server's answer for the text as it stands (null while a check is under way).
  const result = check !== null && check.text === text ? check.result : null;
  const problems = saveProblems ?? result?.problems ?? [];
  const definition =
    parsed?.error === null && result !== null && result.problems.length === 0
      ? (parsed.value as EformDefinition)
      : null;
  const loaded = useMemo(
    () => (definition ? { definition, prefill: {}, locked: new Set<string>() } : null),
    [definition],
  );

  async function saveDraft(): Promise<boolean> {
    if (!parsed || parsed.error !== null) return false;
    setError(null);
    try {
      await api(`/api/procedure-versions/${versionId}/eform-draft`, {
        method: 'PUT',
        body: { definition: parsed.value },
      });
      setSaveProblems(null);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EFORM_DEFINITION_INVALID') {
        setSaveProblems((e.details as { problems: Problem[] }).problems);
      } else setError(e);
      return false;
    }
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  const onSave = () =>
    run(async () => {
      if (await saveDraft()) {
        void message.success(t('eformAdmin.saved'));
        forms.reload();
      }
    });

  const onPublish = () =>
    run(async () => {
      if (!(await saveDraft())) return;
      try {
        const done = await api<Published>(`/api/procedure-versions/${versionId}/eform-draft/publish`, {
          method: 'POST',
        });
        void message.success(t('eformAdmin.published', { version: done.formVersion, decision: done.decision.number }));
        forms.reload();
      } catch (e) {
        setError(e);
      }
    });

  return (
    <Drawer
      open
      width="min(1400px, 100vw)"
      title={`${t('eformAdmin.title')} · ${title}`}
      onClose={onClose}
      loading={forms.loading && !forms.data}
      extra={
        <Space wrap>
          <Button onClick={onSave} loading={busy} disabled={!!parsed?.error} data-testid="eform-admin-save">
            {t('eformAdmin.saveDraft')}
          </Button>
          <Popconfirm
            title={t('eformAdmin.publishConfirm')}
            okText={t('eformAdmin.publish')}
            cancelText={t('common.cancel')}
            onConfirm={onPublish}
          >
            <Button type="primary" loading={busy} disabled={!!parsed?.error} data-testid="eform-admin-publish">
              {t('eformAdmin.publish')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <ErrorAlert error={forms.error ?? error} />
      {forms.data && (
        <Typography.Paragraph data-testid="eform-admin-status">
          {current
            ? t('eformAdmin.inForce', { version: current.formVersion, date: formatDateTime(current.createdAt) })
            : t('eformAdmin.noneInForce')}
          {forms.data.draft && ` · ${t('eformAdmin.draftOf', { time: formatDateTime(forms.data.draft.updatedAt) })}`}
        </Typography.Paragraph>
      )}
      {text !== null && (
        <Row gutter={24}>
          <Col xs={24} xl={10}>
            <label htmlFor="eform-definition" style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
              {t('eformAdmin.definition')}
            </label>
            <Input.TextArea
              id="eform-definition"
              data-testid="eform-definition"
              value={text}
              spellCheck={false}
              autoSize={{ minRows: 20, maxRows: 40 }}
              style={{ fontFamily: 'monospace', fontSize: 13 }}
              onChange={(e) => {
                setText(e.target.value);
                setSaveProblems(null);
              }}
            />
            <div aria-live="polite" style={{ marginTop: 12 }}>
              {parsed?.error ? (
                <Alert type="error" showIcon message={t('eformAdmin.jsonError', { message: parsed.error })} />
              ) : problems.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  data-testid="eform-problems"
                  message={t('eformAdmin.problems', { count: problems.length })}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {problems.map((p, i) => (
                        <li key={`${p.path}-${i}`}>
                          <code>{p.path || '(gốc)'}</code>: {p.message} <Typography.Text code>{p.code}</Typography.Text>
                        </li>
                      ))}
                    </ul>
                  }
                />
              ) : result ? (
                <Alert
                  type="success"
                  showIcon
                  data-testid="eform-valid"
                  message={t('eformAdmin.valid', { count: result.fields.length })}
                />
              ) : (
                <Typography.Text type="secondary">{t('eformAdmin.checking')}</Typography.Text>
              )}
            </div>
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('eformAdmin.preview')}
            </Typography.Title>
            <div data-testid="eform-preview" style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 16 }}>
              {loaded ? (
                <EformStep loaded={loaded} values={values} onChange={setValues} showAll={false} />
              ) : (
                <Typography.Text type="secondary">{t('eformAdmin.noPreview')}</Typography.Text>
              )}
            </div>
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
