import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApiClient } from './api/api-client';
import { useTrellis } from './store/vault-store';
import './styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
void useTrellis.getState().connect(createApiClient());
