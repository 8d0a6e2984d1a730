import '@xyflow/react/dist/style.css'
import './theme/theme.css'
import './theme/app.css'
import './theme/canvas.css'
import './theme/panels.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { getBridge } from './bridge'
import { createStudioStore, StoreProvider } from './store'
import { connectHost, startupTarget } from './store/host-link'

const bridge = getBridge()
const store = createStudioStore({ bridge })
connectHost(store, bridge, startupTarget(window.location.search))

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  )
}
