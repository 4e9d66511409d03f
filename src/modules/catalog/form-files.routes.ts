/**
 * Mẫu đơn, tờ khai as files: PUT …/form-file (multipart, field "file") attaches a component's blank
 * form (catalog administrators), GET downloads it (public: citizens fetch forms before filing).
 */
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { contentDisposition } from '../files/download.rules.js';
import { readFileContent } from '../files/files.service.js';
import { readMultipartFile, registerMultipart, skipBodyValidation } from '../files/multipart.js';
import { FormFileSchema, formFileView } from './catalog.schema.js';
import { MAX_FORM_FILE_BYTES } from './form-file.rules.js';
import { attachFormFile, getFormFile } from './form-files.service.js';

const tags = ['Thủ tục hành chính (catalog)'];
const Params = z.object({ id: z.uuid().describe('The procedure version'), componentId: z.uuid() });
const PATH = '/api/procedure-versions/:id/components/:componentId/form-file';

export function formFileRoutes(app: App, { db, clock, services }: Deps): void {
  void app.register(async (scope: App) => {
    await registerMultipart(scope, MAX_FORM_FILE_BYTES);

    scope.put(
      PATH,
      {
        config: { access: { action: 'catalog.manage', scope: 'anywhere' } },
        validatorCompiler: skipBodyValidation,
        schema: {
          tags,
          summary: 'Attach the blank form (mẫu đơn, tờ khai) of a component: multipart, field "file" (catalog admin)',
          description:
            'PDF, DOC or DOCX, read from the content (anything else: 415 FORM_FILE_TYPE_NOT_ALLOWED); at most 10 MB ' +
            '(413 FILE_TOO_LARGE). Only for a component that names a form (formTemplate), else 422 COMPONENT_HAS_NO_FORM; ' +
            'an unknown version or component: 404. Replaces the earlier file. Audited, with an outbox event.',
          consumes: ['multipart/form-data'],
          params: Params,
          response: { 200: FormFileSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      async (request) => {
        authorize(requireActor(request), 'catalog.manage');
        const { id, componentId } = request.params;
        const upload = await readMultipartFile(request, MAX_FORM_FILE_BYTES);
        const input = { versionId: id, componentId, data: upload.data, fileName: upload.filename };
        return formFileView(await attachFormFile(db, services.files, request.ctx, input, clock.now()));
      },
    );

    scope.get(
      PATH,
      {
        config: { access: { public: 'a blank form anyone may download before filing' } },
        schema: {
          tags,
          summary: 'Download the blank form of a component (public)',
          params: Params,
          // Bytes, not JSON: the schema lists only the error shapes.
          response: errorResponses(400, 404),
        },
      },
      async (request, reply) => {
        const file = await getFormFile(db, request.params.id, request.params.componentId);
        const content = await readFileContent(services.files, { storageKey: file.sha256 });
        return reply
          .header('content-type', file.mediaType)
          .header('content-length', String(content.length))
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('etag', `"${file.sha256}"`)
          .send(content as never);
      },
    );
  });
}
