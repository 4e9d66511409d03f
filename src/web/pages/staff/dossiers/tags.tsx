/** The time-state tag and row tint of the worklists (words and colours shared with the portal). */
import { Tag } from 'antd';
import { useT } from '../../../i18n/i18n.js';
import { ON_TIME, type OnTime } from '../../portal/dossiers/timeState.js';

export { onTimeState } from '../../portal/dossiers/timeState.js';
export { StatusTags } from '../../portal/dossiers/StatusTags.js';

/** Row tints matching the tags: late red, due soon amber, the rest green. */
export const ON_TIME_TINT: Record<OnTime, string> = {
  withinTime: '#f6ffed',
  early: '#f6ffed',
  onTime: '#f6ffed',
  dueSoon: '#fffbe6',
  overdue: '#fff1f0',
  late: '#fff1f0',
};

/** A word and a colour (never colour alone, for colour-blind readers). */
export function OnTimeTag({ state }: { state: OnTime | null }) {
  const t = useT();
  if (!state) return null;
  return (
    <Tag color={ON_TIME[state].color} data-testid="time-state">
      {t(ON_TIME[state].key)}
    </Tag>
  );
}
