/**
 * The form editor of catalog administrators (catalog.manage): check a definition (live preview),
 * save a procedure version's draft, publish it with the version's decision, list the version's
 * form versions; the catalog's forms as a JSON bundle beside the catalog's own import/export.
 */
import { requireActor } from '../../kernel/http.js';
import type { App, Deps } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { authorize } from '../access/policy.js';
import { definitionProblems } from './definition.rules.js';
import type { EformDefinition } from './eform.types.js';
import {
  exportForms,
  formsOfVersion,
  importForms,
  publishDefinitionDraft,
  saveDefinitionDraft,
} from './eforms-admin.service.js';
import {
  DefinitionBody,
  DefinitionCheck,
  DraftSaved,
  FormsBundle,
  FormsImportBody,
  FormsImportReply,
  Published,
  VersionForms,
} from './eforms.schema.js';
import { flatFields } from './fields.rules.js';
import { schemaProblems } from './server-validator.js';

const tags = ['Tờ khai điện tử (e-forms)'];
const manage = { access: { action: 'catalog.manage', scope: 'anywhere' } } as const;

export function eformAdminRoutes(app: App, { db, clock }: Deps): void {
  app.post(
    '/api/eforms/definition-check',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Check a form definition without saving it (the editor’s live preview): problems, and its fields',
        body: DefinitionBody,
        response: { 200: DefinitionCheck, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'catalog.manage');
      const problems = definitionProblems(request.body.definition, schemaProblems);
      const fields = problems.length === 0 ? flatFields(request.body.definition as unknown as EformDefinition) : [];
      return { problems, fields };
    },
  );

  app.get(
    '/api/procedure-versions/:id/eforms',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The form versions of a procedure version (newest first), its draft and its publication decision',
        params: IdParams,
        response: { 200: VersionForms, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'catalog.manage');
      return formsOfVersion(db, request.params.id);
    },
  );

  app.put(
    '/api/procedure-versions/:id/eform-draft',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Save the draft form of a procedure version (checked: 422 EFORM_DEFINITION_INVALID with each problem)',
        params: IdParams,
        body: DefinitionBody,
        response: { 200: DraftSaved, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'catalog.manage');
      return db.transaction((tx) =>
        saveDefinitionDraft(tx, { ...request.ctx, actor }, request.params.id, request.body.definition, clock.now()),
      );
    },
  );

  app.post(
    '/api/procedure-versions/:id/eform-draft/publish',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Publish the draft as the version’s next form version, with the version’s publication decision (409 EFORM_DRAFT_MISSING without a draft)',
        params: IdParams,
        response: { 200: Published, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'catalog.manage');
      return db.transaction((tx) => publishDefinitionDraft(tx, request.ctx, request.params.id));
    },
  );

  app.get(
    '/api/catalog/export/eforms.json',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags: ['Nhập / xuất danh mục (catalog import/export)', ...tags],
        summary: 'The tờ khai điện tử of the catalog in force, by national code (the forms of the catalog export)',
        response: { 200: FormsBundle },
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="danh-muc-tthc-to-khai.json"');
      return exportForms(db);
    },
  );

  app.post(
    '/api/catalog/imports/eforms',
    {
      config: manage,
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['Nhập / xuất danh mục (catalog import/export)', ...tags],
        summary:
          'Import a forms bundle: each valid form becomes the draft of its procedure’s current version; the rest are reported with their problems',
        body: FormsImportBody,
        response: { 200: FormsImportReply, ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'catalog.manage');
      return db.transaction((tx) => importForms(tx, { ...request.ctx, actor }, request.body.forms, clock.now()));
    },
  );
}
