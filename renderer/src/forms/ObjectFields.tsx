/** The fields of an object schema, in the schema's property order. */
import type { FieldProps } from './field-props'
import { isSchema } from './schema-kind'

export function ObjectFields(props: FieldProps) {
  const { schema, path, value, Field } = props
  const properties = isSchema(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? schema.required : []
  const object =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  return (
    <>
      {Object.entries(properties).map(([key, child]) =>
        isSchema(child) ? (
          <Field
            key={key}
            {...props}
            schema={child}
            path={[...path, key]}
            value={object[key]}
            required={required.includes(key)}
          />
        ) : null,
      )}
    </>
  )
}
