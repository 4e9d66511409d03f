import type { Channel } from './types.js';

/** The channels in the order officers name them (KenhThucHien 1, 2, 3). */
export const CHANNEL_NAMES: readonly Channel[] = ['counter', 'online', 'postal'];

/**
 * The ways a result is returned, in the order the one-stop section offers them: at its counter,
 * by public postal service, online (Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP,
 * on returning results). Named with return words, not the submission channel's.
 */
export const RETURN_CHANNELS: readonly Channel[] = ['counter', 'postal', 'online'];
