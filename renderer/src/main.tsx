import '@xyflow/react/dist/style.css'
import './theme/theme.css'
import './theme/app.css'
import './theme/controls.css'
import './theme/canvas.css'
import './theme/routine-node.css'
import './theme/panels.css'
import './theme/floating.css'
import './theme/dialogs.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { getBridge } from './bridge'
import { loadLayoutEngine } from './layout/elk-layout'
import { createStudioStore, StoreProvider } from './store'
import { connectHost, startupTarget } from './store/host-link'

const bridge = getBridge()
const store = createStudioStore({ bridge })
connectHost(store, bridge, startupTarget(window.location.search))

// Auto-layout's engine is large; fetch and compile it once the editor is idle.
const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 2000))
idle(() => void loadLayoutEngine())

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
