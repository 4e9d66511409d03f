import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../../api.js';
import { FileName } from '../../../components/FileName.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate } from '../../../format.js';
import { type MessageKey, useT } from '../../../i18n/i18n.js';
import type { DossierDetail } from '../../../types.js';
import { Part } from '../procedure/Part.js';
import type { ApiResponse } from '../../../api/types.js';

/**
 * A PDF or file from the API (the session cookie goes along: same origin). Underlined: it often
 * stands in a line of text (a component's name, then its files), where colour alone would not
 * tell it apart (WCAG 1.4.1, axe link-in-text-block).
 */
function FileLink({
  href,
  children,
  testId,
  newTab = false,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
  newTab?: boolean;
}) {
  return (
    <a
      href={href}
      data-testid={testId}
      style={{ textDecoration: 'underline' }}
      {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
    >
      {children}
    </a>
  );
}

/**
 * The forms issued so far, each when its event has happened: 01 once received, 02 after a
 * supplement request, 03 on refusal, 04 with an apology letter, 05 when stopped.
 */
function issuedForms(d: DossierDetail): [string, MessageKey][] {
  const forms: [string, MessageKey, boolean][] = [
    ['01', 'mine.form01', d.receivedAt !== null],
    ['02', 'mine.form02', d.supplementCount > 0],
    ['03', 'mine.form03', d.status === 'refused'],
    ['04', 'mine.form04', d.extensions.length > 0],
    ['05', 'mine.form05', d.status === 'stopped'],
  ];
  return forms.filter(([, , issued]) => issued).map(([n, key]) => [n, key]);
}

/**
 * Kết quả giải quyết: the signed results. The citizen downloads a result from their data store
 * (results join it when signed); the file itself belongs to the official who uploaded it.
 */
function Results({ dossier }: { dossier: DossierDetail }) {
  const t = useT();
  const store = useApiData(() => api<ApiResponse<'/api/store'>>('/api/store'), [dossier.code, dossier.results.length]);
  const stored = (fileId: string) => store.data?.items.find((i) => i.kind === 'result' && i.fileIds.includes(fileId));
  const ended = dossier.status === 'processed' || dossier.status === 'returned';
  return (
    <Part title={t('mine.results')} testId="dossier-results">
      <ul style={{ paddingLeft: 18, margin: 0 }}>
        {dossier.results.map((r) => {
          const item = stored(r.fileId);
          const label = t('mine.resultName', { name: r.name, number: r.number, date: formatDate(r.issuedOn) });
          return (
            <li key={r.id} style={{ marginBottom: 6 }}>
              {item && ended ? (
                <FileLink href={`/api/store/items/${item.id}/files/${r.fileId}`} testId="result-download">
                  {label}
                </FileLink>
              ) : (
                label
              )}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {r.issuer} · {t('mine.resultSigner', { signer: r.signer })}
                {r.validUntil && ` · ${t('store.validUntil', { date: formatDate(r.validUntil) })}`}
                {r.verification === 'valid' || r.verification === 'unverifiable' ? (
                  <Tag color="green" style={{ marginLeft: 8 }}>
                    {t('store.signed')}
                  </Tag>
                ) : null}
              </Typography.Text>
              {!ended && <Typography.Text type="secondary">{t('mine.resultPending')}</Typography.Text>}
            </li>
          );
        })}
      </ul>
    </Part>
  );
}

/** The papers of a dossier: results, the forms issued so far, and what the applicant filed. */
export function DossierPapers({ dossier }: { dossier: DossierDetail }) {
  const t = useT();
  const forms = issuedForms(dossier);
  return (
    <>
      {dossier.results.length > 0 && <Results dossier={dossier} />}
      <Part title={t('mine.forms')}>
        {forms.length === 0 ? (
          <Typography.Text type="secondary">{t('mine.noForms')}</Typography.Text>
        ) : (
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {forms.map(([n, key]) => (
              <li key={n}>
                <FileLink
                  href={`/api/dossiers/${encodeURIComponent(dossier.code)}/forms/${n}`}
                  testId={`form-${n}`}
                  newTab
                >
                  {t(key)}
                </FileLink>
              </li>
            ))}
          </ul>
        )}
      </Part>
      <Part title={t('mine.filed')}>
        <ol style={{ paddingLeft: 22, margin: 0 }}>
          {dossier.components.map((c) => (
            <li key={c.componentId}>
              {c.name}{' '}
              {c.fileIds.map((id, i) => (
                <span key={id} style={{ marginRight: 8 }}>
                  <FileLink href={`/api/files/${id}`} newTab>
                    <FileName href={`/api/files/${id}`} fallback={t('mine.file', { n: i + 1 })} />
                  </FileLink>
                </span>
              ))}
            </li>
          ))}
        </ol>
      </Part>
    </>
  );
}
