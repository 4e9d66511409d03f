import { Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Section } from '../../../components/Section.js';
import { useApiData } from '../../../components/useApiData.js';
import { useT } from '../../../i18n/i18n.js';
import { Link } from '../../../router.js';
import type { UnitNode } from '../../../types.js';
import { openUnits, provinceOf, unitTree } from '../catalogData.js';
import { homeUrl } from './homeUrl.js';

/** Units that decide procedures; the hundred-odd communes fold away behind one line. */
const AGENCY_KINDS = new Set(['department', 'vertical_agency', 'provincial_office']);

function UnitLinks({ units, current }: { units: UnitNode[]; current: string | null }) {
  return (
    <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
      {units.map((u) => (
        <li key={u.id} style={{ padding: '3px 0' }}>
          <Link
            to={homeUrl({ unit: u.id })}
            aria-current={current === u.id ? 'true' : undefined}
            style={{ fontWeight: current === u.id ? 600 : 400 }}
          >
            {u.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Browse by unit (cơ quan thực hiện), and how many units work in the system. */
export function BrowseUnits({ current }: { current: string | null }) {
  const t = useT();
  const tree = useApiData(unitTree, []);
  const open = tree.data ? openUnits(tree.data) : [];
  const province = tree.data ? provinceOf(tree.data) : null;
  const agencies = open.filter((u) => AGENCY_KINDS.has(u.kind));
  const communes = open.filter((u) => u.kind === 'commune');
  return (
    <Section title={t('portal.units.title')}>
      <ErrorAlert error={tree.error} />
      {tree.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {province && (
        <Typography.Paragraph>
          <strong>{province.name}</strong> — {t('portal.units.text', { count: open.length })}
        </Typography.Paragraph>
      )}
      {tree.data && (
        <nav aria-label={t('home.byUnit')} data-testid="browse-units">
          <UnitLinks units={agencies} current={current} />
          {communes.length > 0 && (
            <details open={communes.some((u) => u.id === current)}>
              <summary style={{ cursor: 'pointer', padding: '4px 0' }}>
                {t('home.communes', { count: communes.length })}
              </summary>
              <UnitLinks units={communes} current={current} />
            </details>
          )}
        </nav>
      )}
    </Section>
  );
}
