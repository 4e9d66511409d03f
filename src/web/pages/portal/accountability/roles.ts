/** The one-stop directory's positions and their labels (public page and the staff editor). */
import type { ApiResponse } from '../../../api/types.js';
import type { MessageKey } from '../../../i18n/i18n.js';

export type DirectoryRole = ApiResponse<'/api/public/directory'>['units'][number]['people'][number]['role'];

/** In the order the directory lists them: the head first. */
export const DIRECTORY_ROLES: DirectoryRole[] = ['head', 'deputy', 'staff'];

export const ROLE_LABEL: Record<DirectoryRole, MessageKey> = {
  head: 'dir.role.head',
  deputy: 'dir.role.deputy',
  staff: 'dir.role.staff',
};
