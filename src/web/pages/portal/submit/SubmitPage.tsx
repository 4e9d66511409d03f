import { Alert, Button, Form, Skeleton, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { DossierDetail, Me, ProcedureDetail, StoreItem } from '../../../types.js';
import { filesOnline } from '../procedure/filesOnline.js';
import { RequireCitizen } from '../RequireCitizen.js';
import { ApplicantStep } from './ApplicantStep.js';
import { ComponentsStep } from './ComponentsStep.js';
import {
  type ApplicantValues,
  applicantBody,
  type Choices,
  componentsBody,
  missingComponents,
  newIdempotencyKey,
  storeMatches,
} from './model.js';
import { applicantPrefill, storeForProcedure } from './prefill.js';
import { problemsOf } from './problems.js';
import { ReviewStep } from './ReviewStep.js';
import { SubmitDone } from './SubmitDone.js';
import type { ApiBody } from '../../../api/types.js';
import { formComponentOf } from '../../../../modules/eforms/fields.rules.js';
import { EformStep } from './eform/EformStep.js';
import { DraftButton } from './eform/DraftButton.js';
import { errorsOf, filedValues, initialValues, type LoadedEform, loadEform, type Values } from './eform/model.js';

/** /nop-ho-so/{procedureId}: file a dossier online (signed-in citizens). */
export default function SubmitPage({ procedureId }: { procedureId: string }) {
  return <RequireCitizen>{(me) => <SubmitLoader me={me} procedureId={procedureId} />}</RequireCitizen>;
}

function SubmitLoader({ me, procedureId }: { me: Me; procedureId: string }) {
  const t = useT();
  const procedure = useApiData(() => api<ProcedureDetail>(`/api/procedures/${procedureId}`), [procedureId]);
  const p = procedure.data;
  return (
    <article style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>
      <Link to={`/thu-tuc/${procedureId}`}>← {t('submit.backToProcedure')}</Link>
      <Typography.Title level={2} style={{ marginTop: 12 }}>
        {t('procedure.fileOnline')}
      </Typography.Title>
      <ErrorAlert error={procedure.error} />
      {procedure.loading && <Skeleton active />}
      {p && <Typography.Paragraph strong>{p.name}</Typography.Paragraph>}
      {p && !filesOnline(p) && <Alert type="info" showIcon message={t('submit.notOnline')} />}
      {p && filesOnline(p) && <SubmitWizard me={me} procedure={p} />}
    </article>
  );
}

function SubmitWizard({ me, procedure }: { me: Me; procedure: ProcedureDetail }) {
  const t = useT();
  const [form] = Form.useForm<ApplicantValues>();
  const [stepIndex, setStep] = useState(0);
  const [eform, setEform] = useState<LoadedEform | null>(null);
  const [eformValues, setEformValues] = useState<Values>({});
  const [triedEform, setTriedEform] = useState(false);
  const steps: readonly ('applicant' | 'eform' | 'components' | 'review')[] = eform
    ? ['applicant', 'eform', 'components', 'review']
    : ['applicant', 'components', 'review'];
  const step = steps[stepIndex]!;
  // The component the e-form stands for (its tờ khai) is not asked for as a file.
  const formComponentId = eform ? formComponentOf(procedure.components, eform.definition)?.id : undefined;
  const filing = { ...procedure, components: procedure.components.filter((c) => c.id !== formComponentId) };
  const [applicant, setApplicant] = useState<ApplicantValues | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [store, setStore] = useState<StoreItem[]>([]);
  // Asked for the review once: from then on the warning follows the files as they are attached.
  const [triedReview, setTriedReview] = useState(false);
  const missing = triedReview ? missingComponents(filing, choices) : [];
  const [pledged, setPledged] = useState(false);
  // Generated once per form: every click on "Nộp hồ sơ" sends the same key.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<DossierDetail | null>(null);

  useEffect(() => {
    void loadEform(procedure.id).then((loaded) => {
      setEform(loaded);
      if (loaded) setEformValues(initialValues(loaded));
    });
  }, [procedure.id]);

  useEffect(() => {
    void applicantPrefill(me).then((values) => {
      if (!form.isFieldsTouched()) form.setFieldsValue(values);
    });
    void storeForProcedure(procedure.id).then((items) => {
      setStore(items);
      // Documents already in the store are offered first: the applicant need not upload them again.
      setChoices((current) => {
        const next = { ...current };
        for (const c of procedure.components) {
          const match = c.id ? storeMatches(items, c.name)[0] : undefined;
          if (c.id && match && !next[c.id]) next[c.id] = { kind: 'store', item: match };
        }
        return next;
      });
    });
  }, [me, procedure, form]);

  const toComponents = async () => {
    setApplicant(await form.validateFields());
    setStep(stepIndex + 1);
  };
  const fromEform = () => {
    setTriedEform(true);
    if (eform && errorsOf(eform.definition, eformValues).size === 0) setStep(stepIndex + 1);
  };
  const toReview = () => {
    setTriedReview(true);
    if (missingComponents(filing, choices).length === 0) setStep(stepIndex + 1);
  };
  const submit = async () => {
    if (!applicant) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        procedureId: procedure.id,
        channel: 'online',
        applicant: applicantBody(applicant),
        components: componentsBody(choices),
        ...(applicant.competentUnitId ? { competentUnitId: applicant.competentUnitId } : {}),
        ...(eform ? { eform: { values: filedValues(eform.definition, eformValues) } } : {}),
      } satisfies ApiBody<'/api/dossiers', 'post'>;
      setFiled(
        await api<DossierDetail>('/api/dossiers', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      );
    } catch (e) {
      setError(e);
      // A refused applicant field goes back to its step, marked on the field.
      const fields = problemsOf(e).filter((p) => p.path?.startsWith('applicant.'));
      if (fields.length > 0) {
        form.setFields(
          fields.map((p) => ({
            name: p.path!.slice('applicant.'.length) as keyof ApplicantValues,
            errors: [p.message],
          })),
        );
        setStep(0);
      } else if (eform && problemsOf(e).some((p) => p.path && p.path !== 'eform' && !p.path.includes('.'))) {
        setStep(steps.indexOf('eform'));
      }
    } finally {
      setBusy(false);
    }
  };

  if (filed) return <SubmitDone dossier={filed} />;
  return (
    <>
      <Steps
        current={stepIndex}
        size="small"
        style={{ margin: '8px 0 24px' }}
        items={steps.map((s) => ({
          title: s === 'eform' ? t('eform.step') : t(`submit.step.${s}` as const),
        }))}
      />
      <ErrorAlert error={error} />
      {problemsOf(error).length > 0 && (
        <ul data-testid="submit-problems" style={{ color: '#a8071a', marginTop: -8 }}>
          {problemsOf(error).map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div hidden={step !== 'applicant'}>
        <Form<ApplicantValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'citizen' }}
          style={{ maxWidth: 560 }}
        >
          <ApplicantStep form={form} procedure={procedure} />
        </Form>
      </div>
      {step === 'eform' && eform && (
        <EformStep loaded={eform} values={eformValues} onChange={setEformValues} showAll={triedEform} />
      )}
      {step === 'components' && (
        <>
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('submit.missing')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
            />
          )}
          <ComponentsStep
            procedure={filing}
            store={store}
            choices={choices}
            onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))}
          />
        </>
      )}
      {step === 'review' && applicant && (
        <ReviewStep
          procedure={filing}
          applicant={applicant}
          choices={choices}
          pledged={pledged}
          onPledge={setPledged}
        />
      )}
      <Space wrap style={{ marginTop: 24 }}>
        {stepIndex > 0 && <Button onClick={() => setStep(stepIndex - 1)}>{t('submit.back')}</Button>}
        {step === 'applicant' && (
          <Button type="primary" onClick={() => void toComponents().catch(() => {})}>
            {t('submit.next')}
          </Button>
        )}
        {step === 'eform' && (
          <>
            <DraftButton procedureId={procedure.id} values={eformValues} />
            <Button type="primary" data-testid="eform-next" onClick={fromEform}>
              {t('submit.next')}
            </Button>
          </>
        )}
        {step === 'components' && (
          <Button type="primary" onClick={toReview}>
            {t('submit.next')}
          </Button>
        )}
        {step === 'review' && (
          <Button type="primary" size="large" loading={busy} disabled={!pledged} onClick={() => void submit()}>
            {t('submit.submit')}
          </Button>
        )}
      </Space>
    </>
  );
}
