/** /thong-bao: the citizen's inbox (lazy chunk; antd App: the settings' toasts). */
import { App } from 'antd';
import { InboxPage } from '../inbox/InboxPage.js';
import { RequireCitizen } from './RequireCitizen.js';

export default function PortalInboxPage() {
  return (
    <App>
      <RequireCitizen>{() => <InboxPage />}</RequireCitizen>
    </App>
  );
}
