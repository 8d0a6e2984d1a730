import { afterEach, describe, expect, it } from 'vitest'
import { releaseFieldFocus } from './release-focus'

afterEach(() => {
  document.body.innerHTML = ''
})

function setup() {
  document.body.innerHTML =
    '<div class="react-flow__pane"><span id="inside"></span></div><textarea id="note"></textarea><div id="panel"></div>'
  const note = document.getElementById('note') as HTMLTextAreaElement
  note.focus()
  return note
}

describe('releaseFieldFocus', () => {
  it('takes the keyboard from a text field when the canvas background is pressed', () => {
    const note = setup()
    expect(document.activeElement).toBe(note)
    releaseFieldFocus(document.getElementById('inside'))
    expect(document.activeElement).not.toBe(note)
  })

  it('leaves the field focused when something else is pressed', () => {
    const note = setup()
    releaseFieldFocus(document.getElementById('panel'))
    releaseFieldFocus(note)
    expect(document.activeElement).toBe(note)
  })
})
