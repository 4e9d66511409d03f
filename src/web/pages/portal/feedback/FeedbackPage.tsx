import { Alert, Space, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n.js';
import { Link, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { FeedbackDetail, Me } from '../../../types.js';
import { ContactVerify, type VerifiedContact } from './ContactVerify.js';
import { FeedbackDone } from './FeedbackDone.js';
import { FeedbackForm, type Prefill } from './FeedbackForm.js';

/**
 * /phan-anh[?hoSo=<code>]: send feedback. A signed-in citizen writes at once (name and contacts
 * from the account, attachments allowed); anyone else first verifies a phone or e-mail.
 */
export default function FeedbackPage() {
  const t = useT();
  const session = useSession();
  const { search } = useLocation();
  const dossierCode = search.get('hoSo') ?? undefined;
  const [verified, setVerified] = useState<VerifiedContact | null>(null);
  const [sent, setSent] = useState<FeedbackDetail | null>(null);
  useEffect(() => session.ensureLoaded(), [session]);
  const { state } = session;
  const me = state.status === 'signedIn' ? state.me : null;

  return (
    <section style={{ maxWidth: 820, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('fb.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('fb.intro')}</Typography.Paragraph>
      <FeedbackLinks citizen={me?.kind === 'citizen'} />
      {state.status === 'unknown' && <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />}
      {me && me.kind !== 'citizen' && <Alert type="info" showIcon message={t('fb.staffHint')} />}
      {sent ? (
        <FeedbackDone item={sent} signedIn={!!me} onAgain={() => setSent(null)} />
      ) : me?.kind === 'citizen' ? (
        <CitizenForm me={me} dossierCode={dossierCode} onSent={setSent} />
      ) : state.status === 'anonymous' && !verified ? (
        <ContactVerify onVerified={setVerified} />
      ) : state.status === 'anonymous' && verified ? (
        <Panel>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('fb.verify.done', {
              contact: 'phone' in verified.contact ? verified.contact.phone : verified.contact.email,
            })}
          />
          <FeedbackForm prefill={{ dossierCode }} verified={verified} onSent={setSent} />
        </Panel>
      ) : null}
    </section>
  );
}

function CitizenForm({
  me,
  dossierCode,
  onSent,
}: {
  me: Me;
  dossierCode: string | undefined;
  onSent(item: FeedbackDetail): void;
}) {
  // The account's own contacts (GET /api/me's `user.profile`, held by the session) fill the form.
  const prefill: Prefill = { name: me.fullName, phone: me.profile.phone, email: me.profile.email, dossierCode };
  return (
    <Panel>
      <FeedbackForm prefill={prefill} verified={null} onSent={onSent} />
    </Panel>
  );
}

function Panel({ children }: { children: ReactNode }) {
  return <div style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }}>{children}</div>;
}

/** Published answers for everyone; the citizen's own items once signed in. */
export function FeedbackLinks({ citizen }: { citizen: boolean }) {
  const t = useT();
  return (
    <Space wrap size="large" style={{ marginBottom: 16 }}>
      <Link to="/phan-anh">{t('fb.title')}</Link>
      <Link to="/phan-anh/cong-khai">{t('fb.links.public')}</Link>
      {citizen && <Link to="/phan-anh/cua-toi">{t('fb.links.mine')}</Link>}
    </Space>
  );
}
