import type { nationalSyncVi } from './national-sync.vi.js';

/** English strings of the national portal sync page: the same keys as national-sync.vi.ts. */
export const nationalSyncEn: Record<keyof typeof nationalSyncVi, string> = {
  'menu.nationalSync': 'National portal sync',
  'nsync.title': 'Dossier sync to the National Public Service Portal',
  'nsync.hint':
    'Dossiers whose sync failed or is waiting. The system retries with a growing wait; “Sync again” pushes the dossier at the next run.',
  'nsync.unit': 'Unit',
  'nsync.status': 'Status',
  'nsync.status.failed': 'Failed',
  'nsync.status.pending': 'Waiting',
  'nsync.status.synced': 'Synced',
  'nsync.code': 'Dossier code',
  'nsync.procedure': 'Procedure code',
  'nsync.attempts': 'Failures',
  'nsync.next': 'Next attempt',
  'nsync.lastSynced': 'Last synced',
  'nsync.error': 'Last error',
  'nsync.retry': 'Sync again',
  'nsync.retried': 'Dossier {code} will be synced at the next run.',
  'nsync.none': 'No dossier in this state.',
  'nsync.chooseUnit': 'Choose a unit to see its dossiers.',
};
