import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { type Contact, confirmVerification, startVerification } from './feedbackApi.js';

export interface VerifiedContact {
  token: string;
  contact: Contact;
}

const shown = (c: Contact) => ('phone' in c ? c.phone : c.email);

/**
 * An anonymous person proves a phone or e-mail: ask for a code (the notifier sends it), type it,
 * get the contact token that submitting, voting and complaining accept.
 */
export function ContactVerify({ onVerified }: { onVerified(v: VerifiedContact): void }) {
  const t = useT();
  const [medium, setMedium] = useState<'phone' | 'email'>('phone');
  const [value, setValue] = useState('');
  const [sent, setSent] = useState<{ id: string; expiresAt: string; contact: Contact } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    run(async () => {
      const contact: Contact = medium === 'phone' ? { phone: value.trim() } : { email: value.trim() };
      setSent({ ...(await startVerification(contact)), contact });
      setCode('');
    });
  const confirm = () =>
    run(async () => {
      if (!sent) return;
      onVerified({ token: (await confirmVerification(sent.id, code.trim())).contactToken, contact: sent.contact });
    });
  const next = `/login?next=${encodeURIComponent('/phan-anh')}`;
  const [before, after] = t('fb.verify.text').split('{login}');

  return (
    <section
      aria-labelledby="fb-verify"
      style={{ background: '#fff', borderRadius: 8, padding: '20px 16px', maxWidth: 560 }}
    >
      <Typography.Title level={4} id="fb-verify" style={{ marginTop: 0 }}>
        {t('fb.verify.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {before}
        <Link to={next}>{t('fb.verify.login')}</Link>
        {after}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {!sent ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={medium}
            onChange={(e) => setMedium(e.target.value as 'phone' | 'email')}
            aria-label={t('fb.verify.medium')}
          >
            <Radio.Button value="phone">{t('fb.verify.phone')}</Radio.Button>
            <Radio.Button value="email">{t('fb.verify.email')}</Radio.Button>
          </Radio.Group>
          <label htmlFor="fb-contact">{t(medium === 'phone' ? 'fb.verify.phone' : 'fb.verify.email')}</label>
          <Input
            id="fb-contact"
            size="large"
            type={medium === 'phone' ? 'tel' : 'email'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onPressEnter={() => void send()}
          />
          <Button type="primary" loading={busy} disabled={!value.trim()} onClick={() => void send()}>
            {t('fb.verify.send')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message={t('fb.verify.sent', { contact: shown(sent.contact), until: formatDateTime(sent.expiresAt) })}
          />
          <label htmlFor="fb-code">{t('fb.verify.code')}</label>
          <Input
            id="fb-code"
            size="large"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            onPressEnter={() => void confirm()}
            style={{ maxWidth: 200, letterSpacing: 4 }}
          />
          <Space wrap>
            <Button type="primary" loading={busy} disabled={code.length !== 6} onClick={() => void confirm()}>
              {t('fb.verify.confirm')}
            </Button>
            <Button type="link" onClick={() => setSent(null)}>
              {t('fb.verify.again')}
            </Button>
          </Space>
        </Space>
      )}
    </section>
  );
}
