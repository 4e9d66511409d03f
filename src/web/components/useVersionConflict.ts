/**
 * Actions carry the version read with the record; a 409 means someone acted first or the state
 * moved on. The handler shows the server's message, closes the dialog and asks for a reload;
 * it returns false for any other error, which the caller reports as usual.
 */
import { App } from 'antd';
import { ApiError } from '../api.js';
import { useT } from '../i18n/i18n.js';
import { errorText } from './errors.js';

export function useVersionConflict(close: () => void, reload: () => void): (error: unknown) => boolean {
  const t = useT();
  const { message } = App.useApp();
  return (error) => {
    if (!(error instanceof ApiError) || error.status !== 409) return false;
    void message.error(errorText(error, t));
    close();
    reload();
    return true;
  };
}
