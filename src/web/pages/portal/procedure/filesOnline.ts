import type { ProcedureDetail } from '../../../types.js';

/** Whether citizens may file this procedure on the portal: it offers the online channel. */
export const filesOnline = (p: ProcedureDetail) => p.channels.some((c) => c.channel === 'online');
