/**
 * Installs the application menu from the plain menu template, and rebuilds it when the recent-files
 * list changes. Command items send `menu.command` to the renderer through the host.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import { type MenuInputs, type MenuNode, menuTemplate } from '../host/shell/menu-template'
import type { MenuCommandMessage } from '../ipc/contract'

function toElectron(node: MenuNode, send: (message: MenuCommandMessage) => void): MenuItemConstructorOptions {
  switch (node.kind) {
    case 'separator':
      return { type: 'separator' }
    case 'role':
      return {
        label: node.label,
        role: node.role,
        ...(node.accelerator && { accelerator: node.accelerator }),
      }
    case 'submenu':
      return { label: node.label, submenu: node.items.map((item) => toElectron(item, send)) }
    case 'command':
      return {
        label: node.label,
        ...(node.accelerator && { accelerator: node.accelerator }),
        ...(node.enabled === false && { enabled: false }),
        click: (_item, _window, event) =>
          send({
            command: node.command,
            ...(node.arg !== undefined && { arg: node.arg }),
            ...(event.triggeredByAccelerator === true && { viaShortcut: true }),
          }),
      }
  }
}

/** Sets the application menu. */
export function installMenu(inputs: MenuInputs, send: (message: MenuCommandMessage) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(inputs).map((node) => toElectron(node, send))))
}
