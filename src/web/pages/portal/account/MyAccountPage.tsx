import { Alert, Skeleton, Tag, Typography } from 'antd';
import { api, ApiError } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { formatDate, formatDateTime } from '../../../format.js';
import { useT } from '../../../i18n/i18n.js';
import type { Me } from '../../../types.js';
import { InfoRow } from '../InfoRow.js';
import { RequireCitizen } from '../RequireCitizen.js';

type Prefill = ApiResponse<'/api/me/identity-profile'>;

/** /tai-khoan: the citizen's account, prefilled from the identity provider (marked with that source). */
export default function MyAccountPage() {
  return <RequireCitizen>{(me) => <MyAccount me={me} />}</RequireCitizen>;
}

/** The identity provider's data, or null when no provider has signed this account in (404). */
async function loadPrefill(): Promise<Prefill | null> {
  try {
    return await api<Prefill>('/api/me/identity-profile');
  } catch (e) {
    if (e instanceof ApiError && e.code === 'IDENTITY_PROFILE_NOT_FOUND') return null;
    throw e;
  }
}

function MyAccount({ me }: { me: Me }) {
  const t = useT();
  const prefill = useApiData(loadPrefill, []);
  const fields = prefill.data?.fields;
  return (
    <section style={{ background: '#fff', borderRadius: 8, padding: '20px 16px' }} data-testid="my-account">
      <Typography.Title level={2}>{t('myAccount.title')}</Typography.Title>
      <ErrorAlert error={prefill.error} />
      {prefill.loading && !prefill.data && <Skeleton active />}
      {prefill.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="identity-source"
          message={t('myAccount.source', { level: prefill.data.level, at: formatDateTime(prefill.data.receivedAt) })}
        />
      )}
      {!prefill.loading && !prefill.error && !prefill.data && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('myAccount.noProvider')} />
      )}
      <InfoRow label={t('myAccount.fullName')}>{fields?.fullName ?? me.fullName}</InfoRow>
      <InfoRow label={t('myAccount.personalId')}>{fields?.personalId ?? me.profile.personalId ?? '—'}</InfoRow>
      {fields && (
        <>
          <InfoRow label={t('myAccount.birthDate')}>{formatDate(fields.birthDate) || '—'}</InfoRow>
          <InfoRow label={t('myAccount.sex')}>{fields.sex ? t(`myAccount.sex.${fields.sex}`) : '—'}</InfoRow>
          <InfoRow label={t('myAccount.address')}>{fields.permanentAddress ?? '—'}</InfoRow>
        </>
      )}
      <InfoRow label={t('myAccount.phone')}>{fields?.phone ?? me.profile.phone ?? '—'}</InfoRow>
      <InfoRow label={t('myAccount.email')}>{me.profile.email ?? '—'}</InfoRow>
      <InfoRow label={t('myAccount.session')}>
        <Tag color={me.identityLevel === 2 ? 'green' : undefined}>
          {me.identityLevel
            ? t('myAccount.session.level', { level: me.identityLevel })
            : t('myAccount.session.password')}
        </Tag>
      </InfoRow>
    </section>
  );
}
