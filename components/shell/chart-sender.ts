/**
 * Who may talk to the side panel about the chart. A chart message is used only when it comes from
 * this extension's content script in the top frame of the tab the panel is bound to: a background
 * tab whose note changed, a frame inside the page or another extension never reaches the case
 * (the wrong patient is never shown).
 */

/** The parts of `runtime.MessageSender` the check reads. */
export interface SenderLike {
  id?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
  url?: string;
}

/** Why a message was refused, or `undefined` when it may be used. */
export function refuseChartSender(
  sender: SenderLike | undefined,
  extensionId: string,
  boundTabId: number | undefined,
): string | undefined {
  if (!sender) return 'no sender';
  if (sender.id !== extensionId) return `sent by another extension (${String(sender.id)})`;
  if (sender.tab?.id === undefined) return 'not sent from a tab';
  if (boundTabId === undefined) return 'the panel is not bound to a tab yet';
  if (sender.tab.id !== boundTabId) return `sent from tab ${sender.tab.id}, not the tab on screen (${boundTabId})`;
  // The reader runs in the top frame only and reads same-origin frames itself (entrypoints/content).
  if (sender.frameId !== 0) return `sent from frame ${String(sender.frameId)}, not the top frame`;
  return undefined;
}
