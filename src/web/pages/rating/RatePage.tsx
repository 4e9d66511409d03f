import { Alert, Button, ConfigProvider, Input, Layout, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { type RateAuth, ratingForm, sendRating } from './ratingApi.js';
import { RatingFormView } from './RatingFormView.js';

/** Large type and touch-sized controls: the tablet faces the applicant across the counter. */
const TABLET_THEME = { token: { fontSize: 20, controlHeight: 52, controlHeightLG: 64 } };
const TOKEN_KEY = 'motcua.rateTabletToken';

const storedToken = () => {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
};

/**
 * /rate[/{code}][?token=…]: the rating form without the portal's or console's chrome. A signed
 * link carries its own token; at the counter the tablet uses the officer's session or an access
 * token kept on the device (scope satisfaction.record, which reads nothing else).
 */
export default function RatePage({ code }: { code: string }) {
  const t = useT();
  return (
    <ConfigProvider theme={TABLET_THEME}>
      <Layout style={{ minHeight: '100vh' }} data-testid="rate-tablet">
        <header
          style={{
            background: '#b71c1c',
            color: '#fff',
            padding: '16px 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            flexWrap: 'wrap',
          }}
        >
          <h1 style={{ flex: 1, margin: 0, fontSize: 28, color: '#fff' }}>{t('rate.tablet.title')}</h1>
          <LanguageSwitch />
        </header>
        <main style={{ padding: 24, maxWidth: 1100, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
          {code ? <RateDossier code={code} /> : <AskCode />}
        </main>
      </Layout>
    </ConfigProvider>
  );
}

function AskCode() {
  const t = useT();
  const [code, setCode] = useState('');
  const open = () => code.trim() && navigate(`/rate/${encodeURIComponent(code.trim().toUpperCase())}`);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 640 }}>
      <label htmlFor="rate-code" style={{ fontSize: 24 }}>
        {t('rate.tablet.code')}
      </label>
      <Input
        id="rate-code"
        size="large"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={open}
        style={{ fontSize: 28 }}
      />
      <Button type="primary" size="large" onClick={open} style={{ height: 72, fontSize: 26 }}>
        {t('rate.tablet.open')}
      </Button>
    </Space>
  );
}

function RateDossier({ code }: { code: string }) {
  const t = useT();
  const session = useSession();
  const { search } = useLocation();
  const linkToken = search.get('token') ?? undefined;
  const [bearer, setBearer] = useState(linkToken ? undefined : storedToken());
  // The officer's session must be known first: its CSRF token goes with the rating.
  useEffect(() => session.ensureLoaded(), [session]);
  const ready = session.state.status !== 'unknown';
  const auth: RateAuth = { linkToken, bearer };
  const form = useApiData(
    () => (ready ? ratingForm(code, auth) : Promise.resolve(null)),
    [code, ready, linkToken, bearer],
  );
  const unauthorised =
    form.error instanceof ApiError && (form.error.status === 401 || form.error.status === 403) && !linkToken;
  const next = (
    <Button size="large" onClick={() => navigate('/rate')} style={{ height: 64, fontSize: 22 }}>
      {t('rate.tablet.next')}
    </Button>
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, overflowWrap: 'anywhere' }}>
        {code}
      </Typography.Title>
      {form.data && <Typography.Paragraph style={{ fontSize: 22 }}>{form.data.procedureName}</Typography.Paragraph>}
      <ErrorAlert error={form.error} />
      {unauthorised && <TabletSetup code={code} onToken={setBearer} />}
      {(form.loading || !ready) && !form.data && <Skeleton active />}
      {form.data?.alreadyRated && (
        <Space direction="vertical" size="large">
          <Alert type="success" showIcon message={t('rate.already')} />
          {next}
        </Space>
      )}
      {form.data && !form.data.alreadyRated && (
        <RatingFormView
          large
          form={form.data}
          onSubmit={(input) => sendRating(code, input, auth)}
          after={linkToken ? undefined : next}
        />
      )}
      {bearer && !linkToken && (
        <Button
          type="link"
          onClick={() => {
            localStorage.removeItem(TOKEN_KEY);
            setBearer(undefined);
          }}
          style={{ marginTop: 48 }}
        >
          {t('rate.tablet.forget')}
        </Button>
      )}
    </>
  );
}

/** An unknown tablet: an officer signs in, or the device keeps an access token of its own. */
function TabletSetup({ code, onToken }: { code: string; onToken(token: string): void }) {
  const t = useT();
  const [token, setToken] = useState('');
  const save = () => {
    try {
      localStorage.setItem(TOKEN_KEY, token.trim());
    } catch {
      // Private mode: the token lasts for this page only.
    }
    onToken(token.trim());
  };
  return (
    <section style={{ background: '#fff', borderRadius: 8, padding: 24, maxWidth: 720 }} aria-labelledby="tablet-setup">
      <Typography.Title level={3} id="tablet-setup" style={{ marginTop: 0 }}>
        {t('rate.tablet.setup')}
      </Typography.Title>
      <Typography.Paragraph>{t('rate.tablet.setupText')}</Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Link to={`/login?next=${encodeURIComponent(`/rate/${code}`)}`}>{t('rate.tablet.signIn')}</Link>
        <label htmlFor="tablet-token">{t('rate.tablet.token')}</label>
        <Input.Password id="tablet-token" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        <Button type="primary" disabled={!token.trim()} onClick={save}>
          {t('rate.tablet.saveToken')}
        </Button>
      </Space>
    </section>
  );
}
