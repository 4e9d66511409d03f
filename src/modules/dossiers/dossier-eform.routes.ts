/**
 * A dossier's tờ khai điện tử: its values with their sources, and the filled form as a PDF in the
 * legal layout — both under the dossier's own reading rule (its units' staff, or the citizen who
 * filed it; staff reads audited).
 */
import { requireActor } from '../../kernel/http.js';
import type { App, Deps } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/schemas.js';
import { auditStaffRead } from '../audit/audit.service.js';
import { renderDeclaration } from '../documents/forms.js';
import { filedFormOf } from '../eforms/eforms.service.js';
import { FiledEform } from '../eforms/eforms.schema.js';
import { printedSections } from '../eforms/print.rules.js';
import { applicantName } from './applicant.schema.js';
import { readableDossier } from './dossier-access.js';
import { publicLookupUrl } from './dossier-forms.js';
import { CodeParams } from './dossiers.schema.js';

const tags = ['Hồ sơ (dossiers)'];

export function dossierEformRoutes(app: App, { db, env }: Deps): void {
  async function filed(request: { params: { code: string } } & Parameters<typeof requireActor>[0], what: string) {
    const view = await readableDossier(db, requireActor(request), request.params.code);
    const form = await filedFormOf(db, view.dossier.id);
    if (!form) throw new AppError('EFORM_NOT_DEFINED', { code: view.dossier.code });
    await auditStaffRead(db, request.ctx, {
      action: 'dossier.read',
      targetType: 'dossier',
      targetId: view.dossier.id,
      unitId: view.dossier.competentUnitId,
      summary: { code: view.dossier.code, what },
    });
    return { view, form };
  }

  app.get(
    '/api/dossiers/:code/eform',
    {
      config: { access: { action: 'dossier.read', scope: 'record', personalData: true } },
      schema: {
        tags,
        summary: 'The dossier’s tờ khai điện tử: each value with its source (404 when filed without one)',
        params: CodeParams,
        response: { 200: FiledEform, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { form } = await filed(request, 'eform');
      return {
        key: form.definition.key,
        title: form.definition.title,
        version: form.formVersion,
        values: form.values,
        fieldsTotal: form.fieldsTotal,
        fieldsPrefilled: form.fieldsPrefilled,
        fieldsTyped: form.fieldsTyped,
        filedAt: form.filedAt,
      };
    },
  );

  app.get(
    '/api/dossiers/:code/eform.pdf',
    {
      config: { access: { action: 'dossier.read', scope: 'record', personalData: true } },
      schema: {
        tags,
        summary: 'The filled tờ khai as a PDF in the legal layout (Unicode font, QR code to the public lookup)',
        params: CodeParams,
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { view, form } = await filed(request, 'eform.pdf');
      const values = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, v.value]));
      const definition = form.definition;
      const signerName = typeof values.requesterFullName === 'string' ? values.requesterFullName : null;
      const pdf = await renderDeclaration({
        title: definition.title,
        legalSource: definition.legalSource,
        ...(definition.addressee ? { addressee: view.competentUnit.name } : {}),
        sections: printedSections(definition, values),
        commitment: definition.commitment,
        signer: definition.signer,
        filing: {
          place: 'An Giang',
          filedAt: form.filedAt,
          signerName: signerName ?? applicantName(view.dossier.applicant),
          dossierCode: view.dossier.code,
          publicLookupUrl: publicLookupUrl(env, view.dossier.code),
        },
      });
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${view.dossier.code}-to-khai.pdf"`)
          // Bytes, not JSON: the schema lists only the error shapes.
          .send(pdf as never)
      );
    },
  );
}
