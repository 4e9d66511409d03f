import { useLocation } from '../../../router.js';
import { FeedbackDetailPage } from './FeedbackDetailPage.js';
import { FeedbackWorklist } from './FeedbackWorklist.js';

/** /staff/feedback (worklist) and /staff/feedback/{code} (one item). */
export function FeedbackSection() {
  const { pathname } = useLocation();
  const code = decodeURIComponent(pathname.split('/')[3] ?? '');
  return code ? <FeedbackDetailPage code={code} /> : <FeedbackWorklist />;
}
