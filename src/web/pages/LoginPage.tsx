import { Alert, Button, Card, Form, Input, Layout, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../components/errors.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useT } from '../i18n/i18n.js';
import { Link, navigate, safeLocalPath, useLocation } from '../router.js';
import { homeOf, useSession } from '../session.js';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const session = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeLocalPath(search.get('next'));
  const expired = session.state.status === 'anonymous' && session.state.reason === 'SESSION_EXPIRED';

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(values.username, values.password);
      // A citizen never lands in the console, whatever ?next= says; a portal page (filing online,
      // own dossiers) is where they were going.
      const target = me.kind === 'citizen' ? (next && !next.startsWith('/staff') ? next : '/') : (next ?? homeOf(me));
      navigate(target, { replace: true });
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
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/">{t('login.back')}</Link>
          </div>
        </Card>
      </main>
    </Layout>
  );
}
