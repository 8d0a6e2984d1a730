/** A list: one sub-form per item, with add, remove and move up. */

import { Icon } from '../../icons/Icon'
import type { FieldProps } from '../field-props'
import { emptyValue, isSchema } from '../schema-kind'

export function ArrayControl(props: FieldProps) {
  const { schema, path, value, onChange, Field } = props
  const items = Array.isArray(value) ? value : []
  const itemSchema = isSchema(schema.items) ? schema.items : {}
  const replace = (next: unknown[]) => onChange(path, next)
  return (
    <div className="array-field">
      {items.map((item, i) => (
        // Items have no identity of their own; the index is what the config path uses too.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="array-item" key={i}>
          <div className="array-item-body">
            <Field {...props} schema={itemSchema} path={[...path, i]} value={item} />
          </div>
          <div className="array-item-actions">
            <button
              type="button"
              className="icon-button"
              title="Move up"
              disabled={i === 0}
              onClick={() => {
                const next = [...items]
                next.splice(i - 1, 0, ...next.splice(i, 1))
                replace(next)
              }}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              title="Remove"
              onClick={() => replace(items.filter((_, j) => j !== i))}
            >
              <Icon name="close" />
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => replace([...items, emptyValue(itemSchema)])}
      >
        + Add
      </button>
    </div>
  )
}
