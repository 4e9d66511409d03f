import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { navigate } from '../../router.js';

/**
 * A link that looks like a button: one <a> (not a button inside a link, which screen readers
 * announce twice), navigating in the app on a plain click.
 */
export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const go = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={to} onClick={go} />;
}
