/**
 * Build stamps for `npm start` (scripts/start.mjs): a content fingerprint of a build's inputs,
 * stored next to its output after a successful build, says whether that build is still current.
 * Contents, not mtimes: a git clone or checkout gives every file a new mtime.
 * Plain Node ESM (no tsx); types in build-stamp.d.mts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Relative paths (with `/`) of the files under `root` named by `inputs` (files or directories,
 * relative to `root`), skipping `exclude` (relative paths of files or directories). An input that
 * does not exist is listed as `{ missing }` so that its appearing changes the fingerprint.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @param {readonly string[]} exclude
 * @returns {Array<{ path: string, missing: boolean }>}
 */
function listInputs(root, inputs, exclude) {
  /** @type {Array<{ path: string, missing: boolean }>} */
  const out = [];
  const excluded = (/** @type {string} */ path) => exclude.some((x) => path === x || path.startsWith(`${x}/`));
  const visit = (/** @type {string} */ path, /** @type {boolean} */ top) => {
    if (excluded(path)) return;
    let stat;
    try {
      stat = statSync(join(root, ...path.split('/')));
    } catch (err) {
      if (top && /** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') {
        out.push({ path, missing: true });
        return;
      }
      throw err;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(join(root, ...path.split('/')))) visit(`${path}/${name}`, false);
    } else if (stat.isFile()) {
      out.push({ path, missing: false });
    }
  };
  for (const input of inputs) visit(input.replace(/\\/g, '/').replace(/\/+$/, ''), true);
  return out;
}

/**
 * sha256 (hex) over the sorted relative paths and contents of the input files: changes when a file
 * is added, removed, renamed or edited; not when only its mtime changes.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @param {{ exclude?: readonly string[] }} [options]
 * @returns {string}
 */
export function fingerprint(root, inputs, options = {}) {
  const files = listInputs(root, inputs, options.exclude ?? []);
  // Code-unit order, not locale order: the same on every machine.
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of files) {
    if (file.missing) {
      hash.update(`${file.path}\0missing\0`);
      continue;
    }
    const content = readFileSync(join(root, ...file.path.split('/')));
    // Path and length before the content: no two different trees hash the same byte stream.
    hash.update(`${file.path}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/**
 * The fingerprint stored in a stamp file, or null when there is none.
 * @param {string} stampFile
 * @returns {string | null}
 */
export function readStamp(stampFile) {
  try {
    return readFileSync(stampFile, 'utf8').trim();
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Whether the build stamped in `stampFile` must be redone for inputs with fingerprint `current`:
 * true when the stamp is missing or differs.
 * @param {string} stampFile
 * @param {string} current
 * @returns {boolean}
 */
export function needsBuild(stampFile, current) {
  return readStamp(stampFile) !== current;
}

/**
 * Records a successful build of inputs with fingerprint `value`.
 * @param {string} stampFile
 * @param {string} value
 */
export function writeStamp(stampFile, value) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${value}\n`);
}

/**
 * Forgets a build (before rebuilding it: a failed or interrupted build is not current).
 * @param {string} stampFile
 */
export function removeStamp(stampFile) {
  rmSync(stampFile, { force: true });
}
