import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api';
import { App } from './app';
import './styles/app.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={getApi()} />
    </StrictMode>,
  );
}
