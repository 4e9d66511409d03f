import { Alert, Button, Checkbox, Input, Radio, Result } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/i18n.js';
import type { RatingForm, RatingResult } from '../../types.js';
import { criterionText, isBadLevel, type RateInput } from './ratingApi.js';

interface Props {
  form: RatingForm;
  /** The counter tablet: large touch targets, one level per row. */
  large?: boolean;
  onSubmit(input: RateInput): Promise<RatingResult>;
  /** Below the thanks (the tablet's "next dossier"). */
  after?: ReactNode;
}

/**
 * The province's criteria, each on its 3- or 5-level scale (labels from the server, in Vietnamese
 * or English as the UI is). A level below
 * the middle asks why, and offers to turn the complaint into a feedback item the agency answers.
 */
export function RatingFormView({ form, large, onSubmit, after }: Props) {
  const { t, lang } = useI18n();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [toFeedback, setToFeedback] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<RatingResult | null>(null);
  const bad = form.criteria.some((c) => scores[c.key] !== undefined && isBadLevel(scores[c.key]!, c.scale));

  if (done) {
    return (
      <Result
        status="success"
        title={t('rate.thanks')}
        subTitle={
          done.feedbackCode ? (
            <span data-testid="rating-feedback">{t('rate.feedbackCreated', { code: done.feedbackCode })}</span>
          ) : undefined
        }
        extra={after}
      />
    );
  }

  const submit = async () => {
    const unrated = form.criteria.find((c) => scores[c.key] === undefined);
    setMissing(unrated ? t('rate.pick', { label: criterionText(unrated, lang).label }) : null);
    if (unrated) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await onSubmit({ scores, ...(bad ? { reason: reason.trim(), createFeedback: toFeedback } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const size = large ? { fontSize: 22, height: 'auto', padding: '14px 20px', lineHeight: 1.3 } : {};
  return (
    <div data-testid="rating-form">
      {form.criteria.map((c) => (
        <fieldset key={c.key} style={{ border: 0, padding: 0, margin: '0 0 20px' }}>
          <legend style={{ fontWeight: 600, fontSize: large ? 26 : 16, marginBottom: 8 }}>
            {criterionText(c, lang).label}
          </legend>
          <Radio.Group
            value={scores[c.key]}
            onChange={(e) => setScores({ ...scores, [c.key]: e.target.value as number })}
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          >
            {criterionText(c, lang).levels.map((label, i) => (
              <Radio.Button key={label} value={i + 1} style={{ ...size, borderRadius: 6, borderInlineStartWidth: 1 }}>
                {label}
              </Radio.Button>
            ))}
          </Radio.Group>
        </fieldset>
      ))}
      {bad && (
        <div style={{ marginBottom: 16 }}>
          <label
            htmlFor="rate-reason"
            style={{ display: 'block', fontWeight: 600, marginBottom: 8, fontSize: large ? 22 : undefined }}
          >
            {t('rate.reason')}
          </label>
          <Input.TextArea
            id="rate-reason"
            rows={4}
            maxLength={5000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Checkbox
            checked={toFeedback}
            onChange={(e) => setToFeedback(e.target.checked)}
            style={{ marginTop: 8, fontSize: large ? 20 : undefined }}
          >
            {t('rate.toFeedback')}
          </Checkbox>
        </div>
      )}
      {missing && <Alert type="warning" showIcon message={missing} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} />
      <Button
        type="primary"
        size="large"
        loading={busy}
        onClick={() => void submit()}
        style={large ? { height: 72, fontSize: 26, minWidth: 280 } : undefined}
      >
        {t('rate.submit')}
      </Button>
    </div>
  );
}
