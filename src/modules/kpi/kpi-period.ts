/** The period a kpi request names (period=, or from and to), or the 400 that says why not. */
import { AppError } from '../../kernel/errors.js';
import { type Period, resolvePeriod } from './periods.rules.js';

export function periodOf(q: {
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
}): Period {
  const period = resolvePeriod(q);
  if (typeof period === 'string') throw new AppError(period, q);
  return period;
}
