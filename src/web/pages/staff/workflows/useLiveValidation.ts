import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import type { WorkflowStep, WorkflowValidation } from '../../../types.js';

const DEBOUNCE_MS = 400;

/**
 * The server's verdict on the steps as they are being edited (POST /api/workflows/validate, saves
 * nothing), asked again a moment after the last change. A shape error (e.g. an empty name) is a
 * 400 with the server's message: kept beside the last verdict rather than replacing it.
 */
export function useLiveValidation(
  target: { procedureId: string; unitId: string },
  steps: WorkflowStep[],
  initial: WorkflowValidation,
  edited: boolean,
) {
  const [validation, setValidation] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-validate when the steps or target ids change, not on every new target object
  useEffect(() => {
    if (!edited) return;
    let live = true;
    const timer = setTimeout(() => {
      setChecking(true);
      api<WorkflowValidation>('/api/workflows/validate', { method: 'POST', body: { ...target, steps } })
        .then((v) => {
          if (!live) return;
          setValidation(v);
          setError(null);
        })
        .catch((e: unknown) => live && setError(e))
        .finally(() => live && setChecking(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [steps, edited, target.procedureId, target.unitId]);

  useEffect(() => setValidation(initial), [initial]);
  return { validation, error, checking };
}
