import { Alert, Button, Card, Divider, Form, Input, Layout, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { ApiResponse } from '../api/types.js';
import { errorText } from '../components/errors.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { type MessageKey, useT } from '../i18n/i18n.js';
import { Link, navigate, safeLocalPath, useLocation } from '../router.js';
import { homeOf, useSession } from '../session.js';

interface LoginForm {
  username: string;
  password: string;
}

type OidcSettings = ApiResponse<'/api/auth/oidc/config'>;

/** The sign-in options (identity provider, password for citizens), read once per page load. */
function useOidcSettings(): OidcSettings | null {
  const [settings, setSettings] = useState<OidcSettings | null>(null);
  useEffect(() => {
    api<OidcSettings>('/api/auth/oidc/config').then(setSettings, () => setSettings(null));
  }, []);
  return settings;
}

/** A citizen never lands in the console, whatever ?next= says. */
function landingFor(kind: string, next: string | null, home: string): string {
  return kind === 'citizen' ? (next && !next.startsWith('/staff') ? next : '/') : (next ?? home);
}

export default function LoginPage() {
  const t = useT();
  const session = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeLocalPath(search.get('next'));
  const expired = session.state.status === 'anonymous' && session.state.reason === 'SESSION_EXPIRED';
  const oidc = useOidcSettings();
  const linkToken = search.get('link');
  const oidcError = search.get('oidcError');
  const oidcErrorKey = `login.oidcError.${oidcError}` as MessageKey;
  // A code without its own text (a dictionary has no such key) gets the general one.
  const oidcErrorText = oidcError ? (t(oidcErrorKey) as string | undefined) || t('login.oidcError') : null;
  const startUrl = `/api/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;

  const link = async (values: { password: string }) => {
    if (!linkToken) return;
    setBusy(true);
    setError(null);
    try {
      const { me, returnTo } = await session.linkIdentity(linkToken, values.password);
      navigate(landingFor(me.kind, safeLocalPath(returnTo), homeOf(me)), { replace: true });
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(values.username, values.password);
      // A citizen never lands in the console, whatever ?next= says; a portal page (filing online,
      // own dossiers) is where they were going.
      navigate(landingFor(me.kind, next, homeOf(me)), { replace: true });
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      {/* The page's main landmark and h1 (sized as before), for screen-reader navigation. */}
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {t('login.title')}
            </Typography.Title>
            <LanguageSwitch />
          </Space>
          {expired && <Alert type="warning" showIcon message={t('login.expired')} style={{ marginBottom: 16 }} />}
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          {oidcErrorText && (
            <Alert type="error" showIcon role="alert" message={oidcErrorText} style={{ marginBottom: 16 }} />
          )}
          {linkToken ? (
            <Form<{ password: string }> layout="vertical" onFinish={(v) => void link(v)} requiredMark={false}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {t('login.link.title')}
              </Typography.Title>
              <Typography.Paragraph>{t('login.link.text')}</Typography.Paragraph>
              <Form.Item
                label={t('login.password')}
                name="password"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input.Password autoComplete="current-password" autoFocus />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('login.link.submit')}
              </Button>
              <div style={{ marginTop: 12, textAlign: 'center' }}>
                <Link to="/login">{t('login.link.cancel')}</Link>
              </div>
            </Form>
          ) : (
            <>
              {oidc?.enabled && (
                <>
                  <Button type="primary" danger block size="large" href={startUrl}>
                    {t('login.withProvider', { provider: oidc.providerName })}
                  </Button>
                  <Divider plain>{t('login.or')}</Divider>
                  {!oidc.citizenPasswordLogin && (
                    <Alert type="info" showIcon message={t('login.passwordStaffOnly')} style={{ marginBottom: 16 }} />
                  )}
                </>
              )}
              <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
                <Form.Item
                  label={t('login.username')}
                  name="username"
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input autoComplete="username" autoFocus />
                </Form.Item>
                <Form.Item
                  label={t('login.password')}
                  name="password"
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  {t('login.submit')}
                </Button>
              </Form>
            </>
          )}
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/">{t('login.back')}</Link>
          </div>
        </Card>
      </main>
    </Layout>
  );
}
