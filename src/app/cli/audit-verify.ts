/** `npm run audit:verify`: checks the audit hash chain; exits 1 naming the first broken link. */
import { verifyAuditChain } from '../../modules/audit/audit.service.js';
import { openDatabaseFromEnv } from '../bootstrap.js';
import { readEnv } from '../../kernel/env.js';

const REASONS = {
  seq_gap: 'a record is missing before it (gap in the sequence)',
  prev_hash_mismatch: 'its prev_hash does not match the previous record',
  hash_mismatch: 'its content does not match its hash (the record was altered)',
} as const;

const handle = await openDatabaseFromEnv(readEnv());
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Chuỗi nhật ký toàn vẹn / audit chain intact: ${result.checked} records checked.`);
  } else {
    const brk = result.firstBreak!;
    console.error(
      `Chuỗi nhật ký bị phá vỡ / audit chain BROKEN at seq ${brk.seq}: ${REASONS[brk.reason]} ` +
        `(${result.checked} records before it are intact).`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
