import { App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../components/errors.js';
import { FormModal } from '../../../components/FormModal.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { PublicFeedback } from '../../../types.js';
import { complainAbout, voteOn } from './feedbackApi.js';

/**
 * Useful / not useful (once per account: the server says so on a second try) and "complain
 * again", which files a new item pointing at this answer. Both need a signed-in account here.
 */
export function Reactions({ item, onChanged }: { item: PublicFeedback; onChanged(item: PublicFeedback): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { state } = useSession();
  const [busy, setBusy] = useState<boolean | null>(null);
  const [complaining, setComplaining] = useState(false);
  const signedIn = state.status === 'signedIn';

  const vote = async (useful: boolean) => {
    setBusy(useful);
    try {
      onChanged(await voteOn(item.code, useful));
      void message.success(t('fb.public.voted'));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const here = `/phan-anh/cong-khai/${encodeURIComponent(item.code)}`;
  return (
    <section aria-label={t('fb.public.useful')} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
      <Typography.Paragraph data-testid="public-votes">
        {t('fb.public.votes', { likes: item.likes, dislikes: item.dislikes })}
        {item.complaints > 0 && ` · ${t('fb.public.complaints', { n: item.complaints })}`}
      </Typography.Paragraph>
      {signedIn ? (
        <Space wrap>
          <Button onClick={() => void vote(true)} loading={busy === true}>
            👍 {t('fb.public.useful')}
          </Button>
          <Button onClick={() => void vote(false)} loading={busy === false}>
            👎 {t('fb.public.notUseful')}
          </Button>
          <Button danger onClick={() => setComplaining(true)}>
            {t('fb.public.complain')}
          </Button>
        </Space>
      ) : (
        <Link to={`/login?next=${encodeURIComponent(here)}`}>{t('fb.public.signInToReact')}</Link>
      )}
      {complaining && (
        <FormModal<{ content: string; anonymous?: boolean }, { code: string }>
          title={t('fb.public.complainTitle', { code: item.code })}
          okText={t('fb.public.complain')}
          intro={<p>{t('fb.public.complainText')}</p>}
          onSubmit={(v) => complainAbout(item.code, { content: v.content.trim(), anonymous: v.anonymous ?? false })}
          success={(r) => t('fb.public.complainDone', { code: r.code })}
          onSaved={() => {
            setComplaining(false);
            onChanged({ ...item, complaints: item.complaints + 1 });
          }}
          onClose={() => setComplaining(false)}
        >
          <Form.Item
            name="content"
            label={t('fb.form.content')}
            rules={[{ required: true, whitespace: true, min: 10, message: t('fb.form.min', { n: 10 }) }]}
          >
            <Input.TextArea rows={5} maxLength={10_000} />
          </Form.Item>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>{t('fb.form.anonymous')}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
