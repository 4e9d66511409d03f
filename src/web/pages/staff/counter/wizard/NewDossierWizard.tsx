import { Alert, App, Button, Card, Form, Radio, Select, Space, Steps } from 'antd';
import { useState } from 'react';
import { api } from '../../../../api.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useT } from '../../../../i18n/i18n.js';
import { Link } from '../../../../router.js';
import { useSession } from '../../../../session.js';
import type { ProcedureDetail, StoreItem } from '../../../../types.js';
import { ApplicantStep } from '../../../portal/submit/ApplicantStep.js';
import { ComponentsStep } from '../../../portal/submit/ComponentsStep.js';
import { EformStep } from '../../../portal/submit/eform/EformStep.js';
import {
  errorsOf,
  filedValues,
  initialValues,
  type LoadedEform,
  type Values,
} from '../../../portal/submit/eform/model.js';
import { formComponentOf } from '../../../../../modules/eforms/fields.rules.js';
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
  loadCounterEform,
  prefillPersonOf,
  receivingUnits,
  storeForIntake,
} from './intake.js';
import { ProcedurePicker } from './ProcedurePicker.js';
import { ReceiptPanel } from './ReceiptPanel.js';
import { RepresentativeFields } from './RepresentativeFields.js';

type StepKey = 'procedure' | 'applicant' | 'eform' | 'components' | 'review' | 'receipt';
const STEPS: readonly StepKey[] = ['procedure', 'applicant', 'components', 'review', 'receipt'];
const WITH_EFORM: readonly StepKey[] = ['procedure', 'applicant', 'eform', 'components', 'review', 'receipt'];

/**
 * Tiếp nhận hồ sơ tại quầy: procedure → applicant (chip-card QR) → the procedure's tờ khai điện
 * tử when it has one (prefilled for the applicant; or the paper form, scanned next) → components
 * (scan/upload or the applicant's data store) → fees and submit → receipt (form 01). One
 * Idempotency-Key per run: a double click or a retry after a lost answer cannot file twice.
 */
export function NewDossierWizard({ onRestart }: { onRestart(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const units = session.state.status === 'signedIn' ? receivingUnits(session.state.me) : [];
  const [form] = Form.useForm<CounterApplicantValues>();
  const [eform, setEform] = useState<LoadedEform | null>(null);
  const [eformMode, setEformMode] = useState<'electronic' | 'paper'>('electronic');
  const [eformValues, setEformValues] = useState<Values>({});
  const [eformShowAll, setEformShowAll] = useState(false);
  const steps = eform ? WITH_EFORM : STEPS;
  const [stepKey, setStepKey] = useState<StepKey>('procedure');
  const step = steps.indexOf(stepKey);
  const setStep = (i: number) => setStepKey(steps[i]!);
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
  // A filled e-form stands for its tờ khai component: no longer mandatory (a scan may still come).
  const formComponentId =
    procedure && eform && eformMode === 'electronic'
      ? formComponentOf(procedure.components, eform.definition)?.id
      : undefined;
  const filing =
    procedure &&
    (formComponentId
      ? {
          ...procedure,
          components: procedure.components.map((c) => (c.id === formComponentId ? { ...c, mandatory: false } : c)),
        }
      : procedure);
  const missing = filing ? missingComponents(filing, choices) : [];

  const choose = (p: ProcedureDetail) => {
    setProcedure(p);
    setChoices({});
    setEform(null);
    form.setFieldValue('competentUnitId', undefined);
    // Whether the procedure has a form decides the steps; its prefill waits for the applicant.
    loadCounterEform(p.id, undefined)
      .then((loaded) => setEform((current) => current ?? loaded))
      .catch(setError);
  };

  const afterApplicant = async () => {
    const values = await form.validateFields();
    const key = applicantKeyOf(values);
    const [items, loaded] = await Promise.all([
      key
        ? storeForIntake(key, procedure!, receivingUnitId, t('desk.wizard.storePurpose', { name: procedure!.name }))
        : Promise.resolve([]),
      eform ? loadCounterEform(procedure!.id, prefillPersonOf(values)) : Promise.resolve(null),
    ]);
    if (items === null) message.info(t('desk.wizard.storeUnavailable'));
    setStore(items ?? []);
    if (loaded) {
      // The applicant's data under what was already typed (never over a locked population value).
      const prefilled = initialValues(loaded);
      setEform(loaded);
      setEformValues((typed) => ({
        ...prefilled,
        ...Object.fromEntries(Object.entries(typed).filter(([k]) => !loaded.locked.has(k) && !(k in loaded.prefill))),
      }));
      setStepKey('eform');
    } else setStepKey('components');
  };

  const afterEform = () => {
    if (eform && eformMode === 'electronic' && errorsOf(eform.definition, eformValues).size > 0) {
      setEformShowAll(true);
      return;
    }
    setStepKey('components');
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
        eform && eformMode === 'electronic' ? filedValues(eform.definition, eformValues) : undefined,
      );
      setReceived(
        await api<DossierDetail>('/api/dossiers', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      );
      setStepKey('receipt');
    } catch (e) {
      setError(e);
      const problems = problemsOf(e);
      const fields = problems.filter((p) => p.path?.startsWith('applicant.'));
      if (fields.length > 0) {
        form.setFields(
          fields.map((p) => ({ name: p.path!.slice('applicant.'.length).split('.') as never, errors: [p.message] })),
        );
        setStepKey('applicant');
      } else if (
        eform &&
        eformMode === 'electronic' &&
        problems.some((p) => p.path && p.path in eform.definition.ui.fields)
      ) {
        // The server refused a value of the form (e.g. one that differs from the population database).
        setEformShowAll(true);
        setStepKey('eform');
      }
    } finally {
      setBusy(false);
    }
  };

  const next = [
    { show: stepKey === 'procedure', enabled: atCounter && !!receivingUnitId, go: () => setStepKey('applicant') },
    { show: stepKey === 'applicant', enabled: true, go: () => void afterApplicant().catch(() => {}) },
    { show: stepKey === 'eform', enabled: true, go: afterEform },
    { show: stepKey === 'components', enabled: true, go: () => setStepKey('review') },
  ].find((n) => n.show);

  return (
    <Card title={t('desk.wizard.title')} extra={<Link to="/staff/counter">{t('desk.wizard.backToCounter')}</Link>}>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={steps.map((s) => ({ title: t(`desk.wizard.step.${s}`) }))}
      />
      {received ? (
        <ReceiptPanel dossier={received} onRestart={onRestart} />
      ) : (
        <>
          <div hidden={stepKey !== 'procedure'}>
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
            <div hidden={stepKey !== 'applicant'}>
              <ChipQrReader
                active={stepKey === 'applicant'}
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
          {eform && stepKey === 'eform' && (
            <>
              <Form.Item label={t('desk.wizard.eformMode')} htmlFor="eform-mode">
                <Radio.Group
                  id="eform-mode"
                  data-testid="eform-mode"
                  value={eformMode}
                  onChange={(e) => setEformMode(e.target.value)}
                  options={[
                    { value: 'electronic', label: t('desk.wizard.eformMode.electronic') },
                    { value: 'paper', label: t('desk.wizard.eformMode.paper') },
                  ]}
                />
              </Form.Item>
              {eformMode === 'electronic' && (
                <>
                  {Object.keys(eform.prefill).length === 0 && (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 16 }}
                      message={t('desk.wizard.eformNoPrefill')}
                    />
                  )}
                  <EformStep loaded={eform} values={eformValues} onChange={setEformValues} showAll={eformShowAll} />
                </>
              )}
            </>
          )}
          {procedure && stepKey === 'components' && (
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
                procedure={filing ?? procedure}
                store={store}
                choices={choices}
                onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))}
                originalCheck
              />
            </>
          )}
          {procedure && stepKey === 'review' && (
            <>
              <ErrorAlert error={error} />
              <IncompleteGuidance error={error} />
              <CounterReview procedure={filing ?? procedure} choices={choices} />
            </>
          )}
          <Space wrap style={{ marginTop: 24 }}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('desk.wizard.back')}</Button>}
            {next && (
              <Button type="primary" disabled={!next.enabled} onClick={next.go}>
                {t('desk.wizard.next')}
              </Button>
            )}
            {stepKey === 'review' && (
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
