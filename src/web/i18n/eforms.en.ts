import type { eformsVi } from './eforms.vi.js';

/** English strings of the e-form on the portal: the same keys as eforms.vi.ts. */
export const eformsEn: Record<keyof typeof eformsVi, string> = {
  'eform.step': 'E-form',
  'eform.intro':
    'Fill in the form online; no scan of a paper form is needed. What the system already knows is filled in.',
  'eform.prefilled': '{count} of {total} fields prefilled from data ({share}%).',
  'eform.legal': 'Form prescribed by: {source}',
  'eform.source.population': 'From the population database',
  'eform.source.profile': 'From your account',
  'eform.source.datastore': 'From your data store',
  'eform.source.previousDossier': 'From a previous dossier',
  'eform.source.identityProvider': 'From the identity provider (VNeID)',
  'eform.locked': 'Taken from the national population database; it cannot be changed on the form.',
  'eform.edited': 'Changed from the prefilled value',
  'eform.province': 'Province or city',
  'eform.commune': 'Commune or ward',
  'eform.detail': 'House number, street, hamlet',
  'eform.addRow': 'Add a row',
  'eform.removeRow': 'Remove row',
  'eform.attachment': 'Also attach: {name}',
  'eform.saveDraft': 'Save draft',
  'eform.draftSaved': 'Draft saved at {time}.',
  'eform.draftLoaded': 'Opened the draft saved at {time}.',
  'eform.invalid': '{count} fields of the form are not valid yet.',
  'eform.review': 'The filled e-form',
} as const;
