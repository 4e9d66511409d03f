/** /thong-bao: the citizen's inbox (lazy chunk). */
import { InboxPage } from '../inbox/InboxPage.js';
import { RequireCitizen } from './RequireCitizen.js';

export default function PortalInboxPage() {
  return <RequireCitizen>{() => <InboxPage />}</RequireCitizen>;
}
