import { Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { LookupError } from '../portal/lookup/LookupError.js';
import { PublicDossierCard } from '../portal/lookup/PublicDossierCard.js';
import { usePublicDossier } from '../portal/lookup/usePublicDossier.js';
import { KioskInput } from './KioskInput.js';

/** Dossier status by the code on the receipt (typed, or read by a scanner into the box). */
export function KioskDossierLookup() {
  const t = useT();
  const [text, setText] = useState('');
  const [code, setCode] = useState('');
  const lookup = usePublicDossier(code);
  const search = () => setCode(text.trim().toUpperCase());
  return (
    <div
      style={{
        display: 'grid',
        gap: 24,
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
        alignItems: 'start',
      }}
    >
      <div>
        <KioskInput label={t('lookup.placeholder')} value={text} onChange={setText} onEnter={search} />
        <Button
          type="primary"
          block
          onClick={search}
          disabled={!text.trim()}
          style={{ height: 72, fontSize: 24, marginTop: 16 }}
        >
          {t('lookup.submit')}
        </Button>
      </div>
      <div aria-live="polite">
        <LookupError error={lookup.error} />
        {lookup.loading && code && <Skeleton active />}
        {lookup.data && !lookup.loading && !lookup.error && <PublicDossierCard dossier={lookup.data} large />}
      </div>
    </div>
  );
}
