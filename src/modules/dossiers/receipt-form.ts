/** Mẫu số 01 for a dossier: the receipt and appointment, filled from the dossier as received. */
import type { Env } from '../../server/env.js';
import { AppError } from '../../server/errors.js';
import { renderForm01 } from '../documents/forms.js';
import type { ComponentKind } from '../documents/forms/form01-receipt.js';
import type { ProcedureContent } from '../catalog/procedure.content.js';
import { applicantName } from './applicant.schema.js';
import type { DossierView } from './dossiers.query.js';

const KIND: Record<ProcedureContent['components'][number]['kind'], ComponentKind> = {
  original: 'original',
  copy: 'copy',
  certifiedCopy: 'certified_copy',
  originalOrCopy: 'copy',
};

const LIMIT_UNIT = { workingDays: 'ngày làm việc', workingHours: 'giờ làm việc', days: 'ngày', months: 'tháng' } as const;

export function publicLookupUrl(env: Env, code: string): string {
  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return `${base.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

export function receiptPdf(env: Env, view: DossierView, receivingParentName: string | undefined, officerName: string): Promise<Buffer> {
  const { dossier } = view;
  if (!dossier.receivedAt || !dossier.appointmentAt) throw new AppError('DOSSIER_NOT_RECEIVED', { code: dossier.code });
  const content = view.versionContent;
  const offer = content.channels.find((c) => c.channel === dossier.channel)!;
  const componentById = new Map(content.components.map((c) => [c.id, c]));
  const applicant = dossier.applicant;
  return renderForm01({
    unit: { parentBody: receivingParentName, name: view.receivingUnit.name, place: 'An Giang' },
    dossierCode: dossier.code,
    applicant: { name: applicantName(applicant), address: applicant.address, phone: applicant.phone, email: applicant.email },
    procedureName: view.procedureName,
    publicLookupUrl: publicLookupUrl(env, dossier.code),
    components: view.components.map((c) => {
      const spec = componentById.get(c.componentId);
      return { name: c.name, kind: spec ? KIND[spec.kind] : 'copy', count: spec?.count ?? c.fileIds.length };
    }),
    setCount: 1,
    legalTimeLimit: `${offer.timeLimit.value} ${LIMIT_UNIT[offer.timeLimit.unit]}`,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    collectAt: view.receivingUnit.name,
    fees: dossier.fees,
    trackingBook: { volume: dossier.code.slice(-11, -5), number: Number(dossier.code.split('-').pop()) },
    officerName,
    now: dossier.receivedAt,
  });
}
