import { Alert, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import { type ActionValues, actionFields } from './actions.js';
import { ActionFields, type ActionTarget } from './ActionFields.js';
import { actOn } from './dossierApi.js';
import {
  pollResultSigning,
  type ResultSigning,
  SigningStopped,
  signThroughPhone,
  startResultSigning,
} from './resultSigning.js';
import type { DossierDetail } from './types.js';

interface Props {
  dossier: ActionTarget;
  title: string;
  okText: string;
  /** A result prepared elsewhere (a certified copy): its file and number, filled in. */
  initialValues?: Partial<ActionValues>;
  /** A 409 on the action: the caller's version-conflict handling; true when it took over. */
  conflict(error: unknown): boolean;
  onSaved(next: DossierDetail): void;
  onClose(): void;
}

/**
 * Phê duyệt, ký kết quả: the leader picks the result PDF and its particulars; OK asks the
 * remote-signing service to sign it, says "confirm on your phone" with the transaction id while
 * polling, and once signed (official + seal) records the signed file with signResult. A refusal,
 * an expiry or no answer in time is said in words and the dialog stays open to try again; a file
 * already signed in this dialog is not signed twice when only the recording failed.
 */
export function SignResultDialog({ dossier, title, okText, initialValues, conflict, onSaved, onClose }: Props) {
  const t = useT();
  const [state, setState] = useState<ResultSigning | null>(null);
  const signed = useRef<{ sourceId: string; answer: ResultSigning } | null>(null);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const stopped = (e: SigningStopped) =>
    new ApiError(0, `SIGNING_${e.kind.toUpperCase()}`, t(`desk.sign.stopped.${e.kind}`, { id: e.transactionId }));

  const submit = async (values: ActionValues): Promise<DossierDetail> => {
    const sourceId = values.files?.[0]?.id;
    if (!sourceId) throw new ApiError(0, 'FILE_MISSING', t('desk.sign.fileRequired'));
    let answer = signed.current?.sourceId === sourceId ? signed.current.answer : null;
    if (!answer) {
      setState(null);
      try {
        answer = await signThroughPhone({
          start: () => startResultSigning(dossier.code, sourceId),
          poll: (id) => pollResultSigning(dossier.code, id),
          onUpdate: (s) => open.current && setState(s),
          wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          now: () => Date.now(),
        });
      } catch (e) {
        throw e instanceof SigningStopped ? stopped(e) : e;
      }
      signed.current = { sourceId, answer };
    }
    try {
      return await actOn(
        dossier,
        'signResult',
        actionFields('sign', {
          ...values,
          files: [{ id: answer.fileId! }],
          signer: answer.signer ?? undefined,
          certificateSerial: answer.certificateSerial ?? undefined,
        }),
      );
    } catch (e) {
      conflict(e);
      throw e;
    }
  };

  return (
    <FormModal<ActionValues, DossierDetail>
      title={title}
      okText={okText}
      // The button spins for as long as the phone is awaited: kept at full contrast (WCAG 1.4.3), not faded.
      okButtonProps={{ style: { opacity: 1 } }}
      width={720}
      initialValues={initialValues}
      intro={<SigningState state={state} />}
      onSubmit={submit}
      success={() => t('desk.sign.done')}
      onSaved={onSaved}
      onClose={onClose}
    >
      <ActionFields kind="sign" dossier={dossier} />
    </FormModal>
  );
}

/** Where the remote signature stands: waiting for the phone (with the transaction id), or signed. */
function SigningState({ state }: { state: ResultSigning | null }) {
  const t = useT();
  if (!state || (state.status !== 'pending' && state.status !== 'signed')) return null;
  if (state.status === 'signed')
    return (
      <Alert
        data-testid="signing-state"
        type="success"
        showIcon
        role="status"
        style={{ marginBottom: 16 }}
        message={t('desk.sign.signed')}
        description={t('desk.sign.signedBy', { signer: state.signer ?? '', serial: state.certificateSerial ?? '' })}
      />
    );
  return (
    <Alert
      data-testid="signing-state"
      type="info"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      message={t('desk.sign.waiting')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('desk.sign.transaction')}{' '}
            <Typography.Text code data-testid="signing-transaction">
              {state.transactionId}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('desk.sign.expiresAt', { time: new Date(state.expiresAt).toLocaleTimeString('vi-VN') })}
          </Typography.Paragraph>
          {state.confirmationUrl && (
            <a href={state.confirmationUrl} target="_blank" rel="noreferrer" data-testid="signing-phone-link">
              {t('desk.sign.openPhone')}
            </a>
          )}
        </>
      }
    />
  );
}
