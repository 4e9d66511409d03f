import type { Channel } from './types.js';

/** The channels in the order officers name them (KenhThucHien 1, 2, 3). */
export const CHANNEL_NAMES: readonly Channel[] = ['counter', 'online', 'postal'];
