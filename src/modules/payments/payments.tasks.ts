/** The payments module's periodic task: online payments past their order's expiry (expiry.service.ts). */
import type { PeriodicTask } from '../../kernel/module.js';
import { expireDuePayments } from './expiry.service.js';
import { paymentGatewayFromEnv } from './gateway.js';

export const expirePendingPayments: PeriodicTask = {
  name: 'payments.expire-pending',
  intervalSeconds: 10 * 60,
  run: (db, env, now) => expireDuePayments(db, env, paymentGatewayFromEnv(env), now),
};
