export default defineBackground(() => {
  // The toolbar button opens the side panel (Chrome 116+). Firefox uses its sidebar_action instead.
  void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
