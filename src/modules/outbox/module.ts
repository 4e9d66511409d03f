/** The transactional outbox and its relay to every module's subscribers. */
import type { ModuleManifest } from '../../kernel/module.js';
import * as outboxTable from './outbox.table.js';
import { outboxRelay } from './outbox.tasks.js';

export const outboxModule: ModuleManifest = {
  name: 'outbox',
  needs: [],
  tables: [outboxTable],
  periodicTasks: ({ outboxSubscribers }) => [outboxRelay(outboxSubscribers)],
};
