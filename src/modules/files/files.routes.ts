import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { checkIncomingPdf } from '../signing/incoming.js';
import type { App, Deps } from '../../kernel/http.js';
import { contentDisposition, downloadName } from './download.rules.js';
import { StoredFileSchema, UploadForm } from './files.schema.js';
import { mayReadFile } from './file-access.js';
import { getFile, readFileContent, storeFile } from './files.service.js';
import { readMultipartFile, registerMultipart, skipBodyValidation } from './multipart.js';
import { maxUploadBytes } from './storage.config.js';

const tags = ['Tệp (files)'];

/** Who may download a file is answered by the modules that link files (deps.extensions.fileAccess). */
export function fileRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  const storage = deps.services.files;
  const access = deps.extensions.fileAccess;
  const maxBytes = maxUploadBytes(deps.env);

  // Multipart parsing only for these routes (an encapsulated scope), with our own size check.
  void app.register(async (scope: App) => {
    await registerMultipart(scope, maxBytes);

    scope.post(
      '/api/files',
      {
        config: { access: { signedIn: 'any signed-in account uploads' } },
        validatorCompiler: skipBodyValidation,
        schema: {
          tags,
          summary: 'Upload a file (multipart/form-data, field "file"; PDF, JPEG or PNG)',
          description:
            'Any signed-in user (staff or citizen; session or bearer token). The type is read from the content, never from ' +
            'the name or the part’s Content-Type: PDF, JPEG and PNG are accepted, anything else is refused with 415 ' +
            'FILE_TYPE_NOT_ALLOWED naming what was found. Larger than MAX_UPLOAD_MB → 413 FILE_TOO_LARGE. Identical ' +
            'content is stored once, but every upload gets its own id. Other form fields are ignored. A signed PDF is ' +
            'validated on entry (integrity, RFC 3161 time, chain to the trust list, CRL, coverage): a failing one is ' +
            'refused with 422 and the failure’s code (SIGNATURE_INTEGRITY_FAILED, SIGNATURE_DOCUMENT_MODIFIED, ' +
            'SIGNATURE_UNTRUSTED_ROOT, SIGNATURE_CERTIFICATE_REVOKED, …); the report is kept with the file.',
          consumes: ['multipart/form-data'],
          body: UploadForm,
          response: { 201: StoredFileSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const upload = await readMultipartFile(request, maxBytes);
        const now = deps.clock.now();
        const signatureReport = await checkIncomingPdf(deps.services.trust, upload.data, now);
        const file = await storeFile(db, storage, request.ctx, {
          data: upload.data,
          sha256: upload.sha256,
          originalName: upload.filename,
          signatureReport,
          uploadedAt: now,
        });
        return reply.status(201).send(file);
      },
    );

    scope.get(
      '/api/files/:id',
      {
        config: { access: { signedIn: 'whoever may read what links the file (FileAccessResolver)' } },
        schema: {
          tags,
          summary: 'Download a file (its uploader, or whoever may read the dossier or feedback item it belongs to)',
          description:
            'Answers the bytes with the stored Content-Type and a Content-Disposition carrying the original name ' +
            '(RFC 6266 / 8187 filename*, UTF-8). Allowed: the uploader; anyone who may read a dossier the file belongs ' +
            'to (a component file or a result), by the dossier detail’s rule — staff holding dossier.read on its ' +
            'receiving, competent, current-step or consulted unit, or the citizen who filed it; anyone who may read a ' +
            'feedback item it is attached to (its submitter, the staff who entered it, the provincial office, the unit ' +
            'it is routed to). Through a token, only as far as its scopes reach (e.g. dossier.read). Anyone else: 403. ' +
            'Files of the data store are downloaded through /api/store/items/{id}/files/{fileId}.',
          params: IdParams,
          response: errorResponses(400, 401, 403, 404),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await getFile(db, request.params.id);
        if (!(await mayReadFile(db, access, actor, file))) throw new AppError('FORBIDDEN', { fileId: file.id });
        const content = await readFileContent(storage, file);
        return (
          reply
            .header('content-type', file.mediaType)
            .header('content-length', String(content.length))
            .header('content-disposition', contentDisposition(downloadName(file.originalName, file.id, file.mediaType)))
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'private, no-store')
            .header('etag', `"${file.sha256}"`)
            // Bytes, not JSON: the schema only lists the error shapes, which the type provider expects.
            .send(content as never)
        );
      },
    );
  });
}
