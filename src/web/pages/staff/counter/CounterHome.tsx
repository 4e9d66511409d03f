import { Button, Card, Tabs } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import { navigate } from '../../../router.js';
import { CounterList } from './CounterList.js';

/** The one-stop officer's desk: receive a new dossier, today's queue, results to return. */
export function CounterHome() {
  const t = useT();
  return (
    <Card title={t('desk.counter.title')}>
      <Button type="primary" size="large" onClick={() => navigate('/staff/counter/new')}>
        {t('desk.counter.new')}
      </Button>
      <Tabs
        items={[
          {
            key: 'queue',
            label: t('desk.counter.queue'),
            children: (
              <>
                <CounterList title={t('desk.counter.online')} status="registered" action="accept" />
                <CounterList title={t('desk.counter.received')} status="received" action="forward" />
              </>
            ),
          },
          {
            key: 'returns',
            label: t('desk.counter.returns'),
            children: <CounterList title={t('desk.counter.toReturn')} status="processed" action="returnResult" />,
          },
        ]}
      />
    </Card>
  );
}
