import { Alert, App, Button, Card, Form, Select, Space, Steps } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useT } from '../../../../i18n/i18n.js';
import { Link } from '../../../../router.js';
import { useSession } from '../../../../session.js';
import type { ProcedureDetail, StoreItem } from '../../../../types.js';
import { ApplicantStep } from '../../../portal/submit/ApplicantStep.js';
import { ComponentsStep } from '../../../portal/submit/ComponentsStep.js';
import { type Choices, missingComponents, newIdempotencyKey } from '../../../portal/submit/model.js';
import { problemsOf } from '../../../portal/submit/problems.js';
import type { DossierDetail } from '../../dossiers/types.js';
import { ChipQrReader } from './ChipQrReader.js';
import { CounterReview } from './CounterReview.js';
import { IncompleteGuidance } from './IncompleteGuidance.js';
import {
  applicantKeyOf,
  type CounterApplicantValues,
  counterIntakeBody,
  fillFromCard,
  receivingUnits,
  storeForIntake,
} from './intake.js';
import { ProcedurePicker } from './ProcedurePicker.js';
import { ReceiptPanel } from './ReceiptPanel.js';
import { RepresentativeFields } from './RepresentativeFields.js';

const STEPS = ['procedure', 'applicant', 'components', 'review', 'receipt'] as const;

/**
 * Tiếp nhận hồ sơ tại quầy: procedure → applicant (chip-card QR) → components (scan/upload or
 * the applicant's data store) → fees and submit → receipt (form 01). One Idempotency-Key per run:
 * a double click or a retry after a lost answer cannot file twice.
 */
export function NewDossierWizard({ onRestart }: { onRestart(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const units = session.state.status === 'signedIn' ? receivingUnits(session.state.me) : [];
  const [form] = Form.useForm<CounterApplicantValues>();
  const [step, setStep] = useState(0);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [receivingUnitId, setReceivingUnitId] = useState<string | undefined>(
    units.length === 1 ? units[0]!.id : undefined,
  );
  const [choices, setChoices] = useState<Choices>({});
  const [store, setStore] = useState<StoreItem[]>([]);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [received, setReceived] = useState<DossierDetail | null>(null);

  const atCounter = !!procedure?.channels.some((c) => c.channel === 'counter');
  const missing = procedure ? missingComponents(procedure, choices) : [];

  const choose = (p: ProcedureDetail) => {
    setProcedure(p);
    setChoices({});
    form.setFieldValue('competentUnitId', undefined);
  };

  const toComponents = async () => {
    const values = await form.validateFields();
    const key = applicantKeyOf(values);
    const items = key
      ? await storeForIntake(key, procedure!, receivingUnitId, t('desk.wizard.storePurpose', { name: procedure!.name }))
      : [];
    if (items === null) message.info(t('desk.wizard.storeUnavailable'));
    setStore(items ?? []);
    setStep(2);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = counterIntakeBody(
        procedure!,
        form.getFieldsValue(true),
        choices,
        units.length > 1 ? receivingUnitId : undefined,
      );
      setReceived(
        await api<DossierDetail>('/api/dossiers', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      );
      setStep(4);
    } catch (e) {
      setError(e);
      const fields = problemsOf(e).filter((p) => p.path?.startsWith('applicant.'));
      if (fields.length > 0) {
        form.setFields(
          fields.map((p) => ({ name: p.path!.slice('applicant.'.length).split('.') as never, errors: [p.message] })),
        );
        setStep(1);
      }
    } finally {
      setBusy(false);
    }
  };

  const next = [
    { show: step === 0, enabled: atCounter && !!receivingUnitId, go: () => setStep(1) },
    { show: step === 1, enabled: true, go: () => void toComponents().catch(() => {}) },
    { show: step === 2, enabled: true, go: () => setStep(3) },
  ].find((n) => n.show);

  return (
    <Card title={t('desk.wizard.title')} extra={<Link to="/staff/counter">{t('desk.wizard.backToCounter')}</Link>}>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={STEPS.map((s) => ({ title: t(`desk.wizard.step.${s}`) }))}
      />
      {received ? (
        <ReceiptPanel dossier={received} onRestart={onRestart} />
      ) : (
        <>
          <div hidden={step !== 0}>
            {units.length > 1 && (
              <Select
                style={{ width: 360, marginBottom: 16 }}
                aria-label={t('desk.wizard.receivingUnit')}
                placeholder={t('desk.wizard.receivingUnit')}
                value={receivingUnitId}
                onChange={setReceivingUnitId}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
              />
            )}
            <ProcedurePicker chosen={procedure} onChoose={choose} />
          </div>
          {procedure && (
            <div hidden={step !== 1}>
              <ChipQrReader
                active={step === 1}
                onRead={(card) =>
                  void message.success(t(`desk.qr.filled.${fillFromCard(form, card)}`, { name: card.fullName }))
                }
              />
              <Form<CounterApplicantValues>
                form={form}
                layout="vertical"
                initialValues={{ kind: 'citizen' }}
                style={{ maxWidth: 560 }}
              >
                <ApplicantStep form={form} procedure={procedure} />
                <RepresentativeFields />
              </Form>
            </div>
          )}
          {procedure && step === 2 && (
            <>
              {missing.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  message={t('desk.wizard.missing', { names: missing.join('; ') })}
                />
              )}
              <ComponentsStep
                procedure={procedure}
                store={store}
                choices={choices}
                onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))}
                originalCheck
              />
            </>
          )}
          {procedure && step === 3 && (
            <>
              <ErrorAlert error={error} />
              <IncompleteGuidance error={error} />
              <CounterReview procedure={procedure} choices={choices} />
            </>
          )}
          <Space wrap style={{ marginTop: 24 }}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('desk.wizard.back')}</Button>}
            {next && (
              <Button type="primary" disabled={!next.enabled} onClick={next.go}>
                {t('desk.wizard.next')}
              </Button>
            )}
            {step === 3 && (
              <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
                {t('desk.wizard.submit')}
              </Button>
            )}
          </Space>
        </>
      )}
    </Card>
  );
}
