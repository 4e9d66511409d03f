import { useLocation } from '../../../router.js';
import { WorkflowEditor } from './WorkflowEditor.js';
import { WorkflowList } from './WorkflowList.js';

/** /staff/workflows (by procedure, unit, status) and /staff/workflows/{id} (one version, its editor). */
export function WorkflowsPage() {
  const { pathname, search } = useLocation();
  const id = pathname.split('/')[3];
  return id ? <WorkflowEditor key={id} id={id} /> : <WorkflowList procedureId={search.get('procedure')} />;
}
