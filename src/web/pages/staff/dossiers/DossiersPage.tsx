import { useLocation } from '../../../router.js';
import { DossierDetailPage } from './DossierDetailPage.js';
import { WorklistPage } from './WorklistPage.js';

/** /staff/dossiers (worklists) and /staff/dossiers/{code} (one dossier). */
export function DossiersPage() {
  const { pathname } = useLocation();
  const code = decodeURIComponent(pathname.split('/')[3] ?? '');
  return code ? <DossierDetailPage code={code} /> : <WorklistPage />;
}
