/** A modal dialog: dimmed backdrop, title, Escape or the close button to dismiss, focus kept inside. */
import { type ReactNode, useEffect, useRef } from 'react'
import { Icon } from '../icons/Icon'

interface ModalProps {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly footer?: ReactNode
  readonly wide?: boolean
  readonly testId?: string
}

export function Modal({ title, onClose, children, footer, wide, testId }: ModalProps) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    // The first control that can take focus (a disabled one cannot, which would leave focus, and
    // Escape, outside the dialog); the dialog itself when it has none yet.
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>(
        ':is(input, select, textarea, button:not(.modal-close)):not(:disabled)',
      )
    ;(first ?? box.current)?.focus()
    return () => previous?.focus?.()
  }, [])
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking the backdrop closes, Escape does the same from the keyboard
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`modal${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button modal-close" aria-label="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  )
}
