/** Points by group, and each indicator's numerator and denominator as links to their rows. */
import { Table, Typography } from 'antd';
import { api } from '../../../api.js';
import { useI18n, useT } from '../../../i18n/i18n.js';
import { BarList, Figure } from '../../../kpi/charts.js';
import { percent, points } from '../../../kpi/periods.js';
import type { KpiIndex, KpiIndicator } from '../../../kpi/types.js';
import type { Drill } from './DrillDrawer.js';
import type { ApiResponse } from '../../../api/types.js';

export function GroupBreakdown({
  index,
  query,
  onDrill,
}: {
  index: KpiIndex;
  query: { unit: string; period: string };
  onDrill: (d: Drill) => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const drill = (ind: KpiIndicator, part: 'numerator' | 'denominator') => () =>
    onDrill({
      title: `${ind.name} — ${t(part === 'numerator' ? 'kpi.numerator' : 'kpi.denominator')}`,
      load: (page, pageSize) =>
        api<ApiResponse<'/api/kpi/766/drilldown'>>('/api/kpi/766/drilldown', {
          query: { ...query, indicator: ind.key, part, page, pageSize },
        }),
    });
  const count = (ind: KpiIndicator, part: 'numerator' | 'denominator') =>
    ind.available ? (
      <Figure
        onClick={ind[part] ? drill(ind, part) : undefined}
        label={t('kpi.drill.open', {
          what: `${ind.name} (${t(part === 'numerator' ? 'kpi.numerator' : 'kpi.denominator')})`,
        })}
      >
        {ind[part]}
      </Figure>
    ) : (
      '—'
    );
  return (
    <>
      <BarList
        testId="kpi-groups"
        bars={index.groups.map((g) => ({
          key: g.key,
          label: g.name,
          value: g.points,
          max: g.max,
          text: t('kpi.pointsOf', { points: points(g.points, lang), max: g.max }),
        }))}
      />
      {index.groups.map((g) => (
        <div key={g.key} style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{g.name}</Typography.Title>
          <Table<KpiIndicator>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={g.indicators}
            columns={[
              {
                key: 'name',
                title: t('kpi.indicator'),
                dataIndex: 'name',
                render: (name: string, ind) =>
                  ind.available ? (
                    name
                  ) : (
                    <span title={ind.note}>
                      {name} ({t('kpi.unavailable')})
                    </span>
                  ),
              },
              { key: 'n', title: t('kpi.numerator'), align: 'right', render: (_, ind) => count(ind, 'numerator') },
              { key: 'd', title: t('kpi.denominator'), align: 'right', render: (_, ind) => count(ind, 'denominator') },
              { key: 'r', title: t('kpi.ratio'), align: 'right', render: (_, ind) => percent(ind.ratio, lang) },
              {
                key: 'p',
                title: t('kpi.points'),
                align: 'right',
                render: (_, ind) =>
                  ind.points === null ? t('kpi.notApplicable') : `${points(ind.points, lang)}/${ind.max}`,
              },
            ]}
          />
        </div>
      ))}
    </>
  );
}
