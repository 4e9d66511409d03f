import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { PublicHeader } from '../../components/PublicHeader.js';
import { useApiData } from '../../components/useApiData.js';
import { useT } from '../../i18n/i18n.js';
import { PortalNav } from './PortalNav.js';
import { provinceOf, unitTree } from './catalogData.js';

/** Header (province, language, sign-in), the portal's menu, the page, the footer. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const tree = useApiData(unitTree, []);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PublicHeader provinceName={tree.data ? (provinceOf(tree.data)?.name ?? null) : null} />
      <PortalNav />
      <Layout.Content
        style={{ padding: '24px 16px', maxWidth: 1100, margin: '0 auto', width: '100%', boxSizing: 'border-box' }}
      >
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{t('portal.footer')}</Layout.Footer>
    </Layout>
  );
}
