import { Button, Form, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api.js';
import { blankToNull } from '../../../components/forms.js';
import { FormModal } from '../../../components/FormModal.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import type { DossierDetail, ProcedureContent, StoredFile } from '../../../types.js';
import { FilePicker } from '../submit/FilePicker.js';
import { actOn } from './actOn.js';
import type { Schema } from '../../../api/types.js';

interface Values {
  files?: Record<string, StoredFile[] | undefined>;
  note?: string;
}

/** FilePicker as a form field (value/onChange), one per component. */
function FilesField({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
}) {
  return <FilePicker label={label} files={value ?? []} onChange={(files) => onChange?.(files)} />;
}

/**
 * Bổ sung hồ sơ: the applicant answers a supplement request with new files for the components
 * the officer asked about (action `supply` with components, as at intake).
 */
export function SupplyAction({ dossier, onDone }: { dossier: DossierDetail; onDone(d: DossierDetail): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // The components of the version the dossier was filed under, not of today's version.
  const version = useApiData(
    () =>
      open
        ? api<Schema<'ProcedureVersion'>>(`/api/procedure-versions/${dossier.procedure.versionId}`)
        : Promise.resolve(null),
    [open, dossier.procedure.versionId],
  );
  // The version's content is documented as open (`unknown`): it is a ProcedureContent.
  const components = ((version.data?.content as ProcedureContent | undefined)?.components ?? []).filter((c) => c.id);

  const submit = ({ files = {}, note }: Values) => {
    const provided = Object.entries(files).flatMap(([componentId, list]) =>
      list?.length ? [{ componentId, fileIds: list.map((f) => f.id) }] : [],
    );
    if (provided.length === 0) return Promise.reject(new ApiError(400, 'NO_FILES', t('mine.supply.none')));
    return actOn(dossier, 'supply', { components: provided, note: blankToNull(note) ?? undefined });
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('mine.supply')}
      </Button>
      {open && (
        <FormModal<Values, DossierDetail>
          title={t('mine.supply.title', { code: dossier.code })}
          okText={t('mine.supply.send')}
          width={640}
          intro={<p>{t('mine.supply.intro')}</p>}
          onSubmit={submit}
          success={() => t('mine.supply.done')}
          onSaved={(d) => {
            setOpen(false);
            onDone(d);
          }}
          onClose={() => setOpen(false)}
        >
          {version.loading && <Skeleton active />}
          {components.map((c) => (
            <div key={c.id} data-testid="supply-component">
              <Form.Item name={['files', c.id!]} label={c.name}>
                <FilesField label={c.name} />
              </Form.Item>
            </div>
          ))}
          <Form.Item name="note" label={t('mine.supply.note')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
