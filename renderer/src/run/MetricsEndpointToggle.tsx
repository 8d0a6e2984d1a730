/** The switch serving Prometheus `/metrics` over HTTP on 127.0.0.1, with the URL to scrape. */
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { selectMetricsCapable, selectMetricsEndpoint } from './run-selectors'

export function MetricsEndpointToggle() {
  const store = useStudioStore()
  const endpoint = useStudio(selectMetricsEndpoint)
  const capable = useStudio(selectMetricsCapable)
  const enabled = endpoint?.enabled ?? false
  return (
    <div className="run-toolbar-row metrics-endpoint">
      <label className="run-check" title={capable ? '' : 'This host cannot serve HTTP metrics'}>
        <input
          type="checkbox"
          checked={enabled}
          disabled={!capable}
          onChange={(e) => void store.getState().setMetricsEndpoint(e.target.checked)}
          data-testid="metrics-endpoint-toggle"
        />
        Serve Prometheus <code>/metrics</code> on 127.0.0.1
      </label>
      {enabled && endpoint?.url && (
        <a
          className="code"
          href={endpoint.url}
          target="_blank"
          rel="noreferrer"
          data-testid="metrics-endpoint-url"
        >
          {endpoint.url}
        </a>
      )}
    </div>
  )
}
