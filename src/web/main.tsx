import { unstableSetRender } from 'antd';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App.js';
import { I18nProvider } from './i18n/i18n.js';
import { SessionProvider } from './session.js';

// Ant Design 5 renders popups and wave effects with React's render API; React 19 needs createRoot.
unstableSetRender((node, container) => {
  const host = container as Element & { _motcuaRoot?: Root };
  host._motcuaRoot ??= createRoot(host);
  const root = host._motcuaRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
