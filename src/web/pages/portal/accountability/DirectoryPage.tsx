/**
 * /cong-khai/danh-ba (no login): the one-stop departments' directory — per unit, the head, the
 * deputies and the staff with their title and work phone, as the seeds ask it published (issue 21
 * §4). Officials' work contacts are public by design; the page shows nothing else.
 */
import { Empty, Select, Skeleton, Typography } from 'antd';
import { api } from '../../../api.js';
import type { ApiResponse } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { navigate, useLocation } from '../../../router.js';
import { CELL, PlainTable } from './LateListPage.js';
import { ROLE_LABEL } from './roles.js';

type Directory = ApiResponse<'/api/public/directory'>;

/** A phone number as a tel: link (digits and a leading +). */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export default function DirectoryPage() {
  const t = useT();
  const { search } = useLocation();
  const unit = search.get('don-vi');
  const directory = useApiData(() => api<Directory>('/api/public/directory'), []);
  const units = directory.data?.units ?? [];
  const shown = unit ? units.filter((u) => u.unitId === unit) : units;

  return (
    <section style={{ maxWidth: 1000, margin: '0 auto' }} aria-labelledby="dir-title">
      <Typography.Title level={2} id="dir-title" style={{ marginTop: 0 }}>
        {t('dir.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dir.intro')}</Typography.Paragraph>
      {directory.error ? <ErrorAlert error={directory.error} /> : null}
      {!directory.data && !directory.error ? <Skeleton active /> : null}
      {directory.data && units.length === 0 ? <Empty description={t('dir.none')} /> : null}
      {units.length > 0 ? (
        <>
          <label htmlFor="dir-unit" style={{ display: 'block', marginBottom: 4 }}>
            {t('dir.unit')}
          </label>
          <Select
            id="dir-unit"
            aria-label={t('dir.unit')}
            showSearch
            optionFilterProp="label"
            value={unit ?? ''}
            onChange={(id: string) =>
              navigate(id ? `/cong-khai/danh-ba?don-vi=${encodeURIComponent(id)}` : '/cong-khai/danh-ba', {
                replace: true,
              })
            }
            options={[
              { value: '', label: t('dir.allUnits') },
              ...units.map((u) => ({ value: u.unitId, label: u.unitName })),
            ]}
            style={{ width: 'min(100%, 420px)', marginBottom: 24 }}
          />
          <div data-testid="directory">
            {shown.map((u) => (
              <section key={u.unitId} aria-labelledby={`dir-${u.unitId}`} data-testid="directory-unit">
                <Typography.Title level={3} id={`dir-${u.unitId}`} style={{ fontSize: 18 }}>
                  {u.unitName}
                </Typography.Title>
                <PlainTable
                  testId="directory-people"
                  caption={`${t('dir.title')} — ${u.unitName}`}
                  head={
                    <tr>
                      <th style={CELL}>{t('dir.col.role')}</th>
                      <th style={CELL}>{t('dir.col.name')}</th>
                      <th style={CELL}>{t('dir.col.title')}</th>
                      <th style={CELL}>{t('dir.col.phone')}</th>
                    </tr>
                  }
                >
                  {u.people.map((p) => (
                    <tr key={p.id}>
                      <td style={CELL}>{t(ROLE_LABEL[p.role])}</td>
                      <td style={CELL}>{p.fullName}</td>
                      <td style={CELL}>{p.title}</td>
                      <td style={{ ...CELL, whiteSpace: 'nowrap' }}>
                        <a href={telHref(p.phone)}>{p.phone}</a>
                      </td>
                    </tr>
                  ))}
                </PlainTable>
              </section>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
