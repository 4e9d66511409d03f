import { useState } from 'react';
import { useLocation } from '../../../router.js';
import { CounterHome } from './CounterHome.js';
import { NewDossierWizard } from './wizard/NewDossierWizard.js';

/** Một cửa: /staff/counter (queue and returns) and /staff/counter/new (receive a dossier). */
export function CounterPage() {
  const { pathname } = useLocation();
  // Each new run of the wizard starts empty, with its own Idempotency-Key.
  const [run, setRun] = useState(0);
  if (pathname.split('/')[3] === 'new') return <NewDossierWizard key={run} onRestart={() => setRun((n) => n + 1)} />;
  return <CounterHome />;
}
