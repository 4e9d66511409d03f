/** Types of build-stamp.mjs (plain Node ESM, run without tsx), for TypeScript importers (tests). */

/** sha256 (hex) over the sorted relative paths and contents of the input files under `root`. */
export function fingerprint(root: string, inputs: readonly string[], options?: { exclude?: readonly string[] }): string;

/** The fingerprint stored in a stamp file, or null when there is none. */
export function readStamp(stampFile: string): string | null;

/** True when the stamp is missing or differs from `current`. */
export function needsBuild(stampFile: string, current: string): boolean;

/** Records a successful build of inputs with fingerprint `value`. */
export function writeStamp(stampFile: string, value: string): void;

/** Forgets a build (before rebuilding it). */
export function removeStamp(stampFile: string): void;
