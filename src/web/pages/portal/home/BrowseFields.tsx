import { Skeleton } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import { procedureFields } from '../catalogData.js';
import { homeUrl } from './homeUrl.js';

/** Lĩnh vực: every field as a link to its procedures. */
export function BrowseFields({ current }: { current: string | null }) {
  const t = useT();
  const fields = useApiData(procedureFields, []);
  return (
    <Section title={t('home.byField')}>
      <ErrorAlert error={fields.error} />
      {fields.loading && <Skeleton active />}
      <ul style={{ columns: '2 200px', columnGap: 24, margin: 0, paddingLeft: 18 }} data-testid="browse-fields">
        {fields.data?.map((f) => (
          <li key={f.code} style={{ padding: '4px 0', breakInside: 'avoid' }}>
            <Link
              to={homeUrl({ field: f.code })}
              aria-current={current === f.code ? 'true' : undefined}
              style={{ fontWeight: current === f.code ? 600 : 400 }}
            >
              {f.name}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}
