/**
 * Keeps a failure in one part of the window (a panel that hit a bug, a code chunk that did not load)
 * from blanking the whole studio: that part shows what went wrong and a way to try again, and the
 * document stays as it was.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What the part is called in the message, e.g. "The inspector". */
  readonly area: string
  readonly children: ReactNode
}

interface ErrorBoundaryState {
  readonly error: Error | null
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed:`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="error-boundary" role="alert">
        <strong>{this.props.area} ran into a problem.</strong>
        <span className="muted small">{error.message}</span>
        <button type="button" className="button small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
