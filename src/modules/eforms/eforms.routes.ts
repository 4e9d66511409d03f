import { z } from 'zod';
import { authorize } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import { fieldCutOf } from './field-cut.query.js';
import { requireActor } from '../../kernel/http.js';
import type { App, Deps } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import { communesOf, provinces } from './address-data.js';
import { flatFields } from './fields.rules.js';
import { draftOf, prefillFor, prefillSubject, requireForm, saveDraft } from './eforms.service.js';
import {
  AddressUnit,
  Draft,
  DraftBody,
  Eform,
  FieldCutQuery,
  FieldCutReply,
  Prefill,
  PrefillQuery,
} from './eforms.schema.js';

const tags = ['Tờ khai điện tử (e-forms)'];

export function eformRoutes(app: App, { db, services, clock }: Deps): void {
  app.get(
    '/api/procedures/:id/eform',
    {
      config: { access: { public: 'the published catalog' } },
      schema: {
        tags,
        summary: 'The procedure’s tờ khai điện tử in force: JSON Schema 2020-12, UI layout, and its fields flattened',
        params: IdParams,
        response: { 200: Eform, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const form = await requireForm(db, request.params.id);
      const { schema, ui, key, title, legalSource, commitment, signer } = form.definition;
      return {
        version: form.formVersion,
        procedureVersionId: form.procedureVersionId,
        key,
        title,
        legalSource,
        schema,
        ui,
        commitment,
        signer,
        fields: flatFields(form.definition),
      };
    },
  );

  app.get(
    '/api/procedures/:id/eform/prefill',
    {
      // A citizen: their own data; an officer receiving at the counter: the applicant they name.
      config: { access: { action: 'dossier.receive', scope: 'own', personalData: true } },
      schema: {
        tags,
        summary:
          'What the system already knows for this form, each value with its source (profile, population, store, previous dossier)',
        params: IdParams,
        querystring: PrefillQuery,
        response: { 200: Prefill, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind !== 'citizen') authorize(actor, 'dossier.receive', {});
      const form = await requireForm(db, request.params.id);
      const who = await prefillSubject(db, actor, request.query.applicant);
      return prefillFor(db, services.nationalData, form, who);
    },
  );

  app.get(
    '/api/me/eform-drafts/:id',
    {
      config: { access: { signedIn: 'the caller’s own drafts' } },
      schema: {
        tags,
        summary: 'Your saved draft of a procedure’s form (empty when none)',
        params: IdParams,
        response: { 200: Draft, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const draft = await draftOf(db, actor.userId, request.params.id);
      return draft ?? { values: {}, updatedAt: null };
    },
  );

  app.put(
    '/api/me/eform-drafts/:id',
    {
      config: { access: { signedIn: 'the caller’s own drafts' } },
      schema: {
        tags,
        summary: 'Saves your draft of a procedure’s form (resume later, on another device)',
        params: IdParams,
        body: DraftBody,
        response: { 200: Draft, ...errorResponses(400, 401, 404, 413) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return db.transaction((tx) =>
        saveDraft(tx, { ...request.ctx, actor }, request.params.id, request.body.values, clock.now()),
      );
    },
  );

  app.get(
    '/api/eforms/field-cut',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'The measured cut in fields (Plan 004: ≥ 20 %): per procedure and in total, fields of the legal form, prefilled, typed, over the online dossiers of a period',
        querystring: FieldCutQuery,
        response: { 200: FieldCutReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, from, to } = request.query;
      authorize(requireActor(request), 'kpi.read', { unitPath: await unitPath(db, unit) });
      return fieldCutOf(db, unit, from, to);
    },
  );

  app.get(
    '/api/addresses/provinces',
    {
      config: { access: { public: 'the list of administrative units is public' } },
      schema: {
        tags,
        summary: 'Provinces after the 2025 reform (for address pickers)',
        response: { 200: z.object({ items: z.array(AddressUnit) }) },
      },
    },
    async () => ({ items: [...provinces()] }),
  );

  app.get(
    '/api/addresses/provinces/:code/communes',
    {
      config: { access: { public: 'the list of administrative units is public' } },
      schema: {
        tags,
        summary: 'Communes (xã, phường, đặc khu) of a province after the 2025 reform',
        params: z.object({ code: z.string().regex(/^\d{2}$/) }),
        response: { 200: z.object({ items: z.array(AddressUnit) }), ...errorResponses(400) },
      },
    },
    async (request) => ({ items: [...communesOf(request.params.code)] }),
  );
}
