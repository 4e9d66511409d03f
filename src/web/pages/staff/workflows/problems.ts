import type { WorkflowProblem } from '../../../types.js';

/** The problems located in main step `index` (their path starts ["steps", index, …]). */
export const problemsOfStep = (problems: readonly WorkflowProblem[], index: number) =>
  problems.filter((p) => p.path[0] === 'steps' && p.path[1] === index);

/** Problems of the workflow as a whole (over the limit, no start, …): not inside one step. */
export const generalProblems = (problems: readonly WorkflowProblem[]) =>
  problems.filter((p) => !(p.path[0] === 'steps' && typeof p.path[1] === 'number'));
