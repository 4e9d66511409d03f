import { Alert, Button, Card, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { ApiResponse, Schema } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { type Translate, useT } from '../../../i18n/i18n.js';

type Verification = ApiResponse<'/api/public/signature-verifications', 'post'>;
type Signature = Schema<'SignatureValidation'>;

/** Sends the PDF itself as the body (POST /api/public/signature-verifications, no login). */
export const verifyPdf = (file: Blob) =>
  api<Verification>('/api/public/signature-verifications', {
    method: 'POST',
    body: file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' }),
  });

const STATUS_ALERT = { valid: 'success', invalid: 'error', indeterminate: 'warning', unsigned: 'info' } as const;
const STATUS_TAG = { valid: 'green', invalid: 'red', indeterminate: 'orange' } as const;

/**
 * Kiểm tra văn bản điện tử: a citizen (or anyone) picks a result PDF; the server's validation
 * report is shown signature by signature — who signed (the competent person, the agency's seal),
 * when (the timestamp), the certificate and its validity then, its revocation (and by which
 * source), the integrity of the signed content — and whether anything was added after signing.
 */
export function VerifyDocument() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ name: string; verification: Verification } | null>(null);

  const check = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult({ name: file.name, verification: await verifyPdf(file) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('verify.title')}</h2>} style={{ marginTop: 32 }}>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Upload
        accept=".pdf,application/pdf"
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="verify-pick">
          {t('verify.pick')}
        </Button>
      </Upload>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {result && <VerificationReport name={result.name} verification={result.verification} />}
      </div>
    </Card>
  );
}

function VerificationReport({ name, verification }: { name: string; verification: Verification }) {
  const t = useT();
  const { report } = verification;
  return (
    <section data-testid="verify-report" aria-label={t('verify.reportOf', { name })}>
      <Alert
        type={STATUS_ALERT[report.status]}
        showIcon
        role="status"
        message={t(`verify.status.${report.status}`, { count: report.signatures.length })}
        description={
          <>
            {report.reason && <div>{report.reason}</div>}
            <div>
              {t('verify.file', { name, sha: verification.sha256.slice(0, 16) })} ·{' '}
              {t('verify.checkedAt', { time: formatDateTime(report.checkedAt) })}
            </div>
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {report.signatures.map((s, i) => (
          <SignatureCard key={`${s.field ?? ''}-${i}`} index={i + 1} signature={s} />
        ))}
      </Space>
    </section>
  );
}

function SignatureCard({ index, signature: s }: { index: number; signature: Signature }) {
  const t = useT();
  const c = s.checks;
  const role =
    s.role === 'seal'
      ? t('verify.role.seal')
      : s.role === 'official'
        ? t('verify.role.official')
        : t('verify.role.other');
  return (
    <Descriptions
      data-testid={`verify-signature-${index}`}
      bordered
      size="small"
      column={1}
      title={
        <Space wrap>
          <span>{t('verify.signature', { index, role })}</span>
          <Tag color={STATUS_TAG[s.status]}>{t(`verify.verdict.${s.status}`)}</Tag>
        </Space>
      }
      items={[
        { key: 'signer', label: s.role === 'seal' ? t('verify.sealOf') : t('verify.signer'), children: signerText(s) },
        {
          key: 'time',
          label: t('verify.signedAt'),
          children: s.signedAt
            ? `${formatDateTime(s.signedAt)} ${s.timestamped ? t('verify.timestamped') : t('verify.notTimestamped')}`
            : '—',
        },
        { key: 'certificate', label: t('verify.certificate'), children: certificateText(s, t) },
        { key: 'revocation', label: t('verify.revocation'), children: revocationText(c, t) },
        // Each certificate of the path (the signer's, then each issuing CA's), when an issuing CA's
        // status is worth telling (revoked, unknown, revoked after the signature): which one it is.
        ...(s.certificates?.slice(1).some((ca) => ca.revocation !== 'good' || ca.revokedAt)
          ? [
              {
                key: 'path',
                label: t('verify.path'),
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {s.certificates.map((cert) => (
                      <li key={cert.serial}>
                        {cert.subject ?? cert.serial.toUpperCase()}: {revocationText(cert, t)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
        { key: 'integrity', label: t('verify.integrity'), children: c ? t(`verify.integrity.${c.integrity}`) : '—' },
        { key: 'chain', label: t('verify.chain'), children: c ? t(`verify.chain.${c.trustChain}`) : '—' },
        ...(s.reason ? [{ key: 'reason', label: t('verify.reason'), children: s.reason }] : []),
      ]}
    />
  );
}

const signerText = (s: Signature) =>
  [s.signer, s.organization && s.organization !== s.signer ? s.organization : null].filter(Boolean).join(' — ') || '—';

function certificateText(s: Signature, t: Translate): string {
  const parts = [
    s.certificateSerial ? t('verify.serial', { serial: s.certificateSerial.toUpperCase() }) : null,
    s.issuer ? t('verify.issuedBy', { issuer: s.issuer }) : null,
    s.certificateValidFrom && s.certificateValidTo
      ? t('verify.validity', { from: formatDate(s.certificateValidFrom), to: formatDate(s.certificateValidTo) })
      : null,
    s.checks ? t(`verify.validAtSigning.${s.checks.certificateValidity}`) : null,
  ];
  return parts.filter(Boolean).join('; ') || '—';
}

type Revocation = Pick<NonNullable<Signature['checks']>, 'revocation' | 'revocationSource' | 'revokedAt'>;

function revocationText(c: Revocation | undefined, t: Translate): string {
  if (!c) return '—';
  const source = c.revocationSource ? t(`verify.source.${c.revocationSource}`) : '';
  if (c.revocation === 'revoked')
    return `${t('verify.revocation.revoked', { time: c.revokedAt ? formatDateTime(c.revokedAt) : '—' })} ${source}`.trim();
  if (c.revocation === 'good' && c.revokedAt)
    return `${t('verify.revocation.revokedLater', { time: formatDateTime(c.revokedAt) })} ${source}`.trim();
  return `${t(`verify.revocation.${c.revocation}`)} ${source}`.trim();
}
