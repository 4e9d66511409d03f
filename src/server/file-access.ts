/**
 * The modules that link stored files, each deciding who may download the files it links
 * (GET /api/files/{id}; the uploader always may). Add a module's resolver here. The data
 * store is not listed on purpose: its items are read through their own route, which needs the
 * item and the applicant, not just a file id.
 */
import { dossierFileAccess } from '../modules/dossiers/dossier-access.js';
import { feedbackFileAccess } from '../modules/feedback/file-access.js';
import type { FileAccessResolver } from '../modules/files/file-access.js';

export const FILE_ACCESS: readonly FileAccessResolver[] = [dossierFileAccess, feedbackFileAccess];
