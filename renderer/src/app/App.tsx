/** The studio window: top bar, palette, canvas with its overlays, inspector, status bar. */
import { ReactFlowProvider } from '@xyflow/react'
import { useShallow } from 'zustand/react/shallow'
import { FlowCanvas } from '../canvas/FlowCanvas'
import { CommandHost } from '../commands/CommandHost'
import { Dialogs } from '../dialogs/Dialogs'
import { HostRefusedBanner } from '../host/HostRefusedBanner'
import { Inspector } from '../inspector/Inspector'
import { Palette } from '../palette/Palette'
import { QuickAdd } from '../palette/QuickAdd'
import { FindBar } from '../panels/FindBar'
import { ProblemsPanel } from '../panels/ProblemsPanel'
import { RunPanelArea } from '../panels/RunPanelArea'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { EmptyState } from './EmptyState'
import { ErrorBoundary } from './ErrorBoundary'
import { StatusBar } from './StatusBar'
import { Toasts } from './Toasts'
import { TopBar } from './TopBar'
import { useTheme } from './useTheme'
import { useUnloadGuard } from './useUnloadGuard'

const selectPanels = (s: StudioState) => ({
  palette: s.panels.palette,
  inspector: s.panels.inspector,
  problems: s.panels.problems,
})

export function App() {
  const panels = useStudio(useShallow(selectPanels))
  useTheme()
  useUnloadGuard()
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <HostRefusedBanner />
        <div className="workspace">
          {panels.palette && (
            <ErrorBoundary area="The palette">
              <Palette />
            </ErrorBoundary>
          )}
          <main className="canvas-area">
            <div className="canvas-stack">
              <ErrorBoundary area="The canvas">
                <FlowCanvas />
              </ErrorBoundary>
              <EmptyState />
              <FindBar />
              <QuickAdd />
            </div>
            {panels.problems && <ProblemsPanel />}
            <ErrorBoundary area="The run panel">
              <RunPanelArea />
            </ErrorBoundary>
          </main>
          {panels.inspector && (
            <ErrorBoundary area="The inspector">
              <Inspector />
            </ErrorBoundary>
          )}
        </div>
        <StatusBar />
        <ErrorBoundary area="The dialog">
          <Dialogs />
        </ErrorBoundary>
        <Toasts />
        <CommandHost />
      </div>
    </ReactFlowProvider>
  )
}
