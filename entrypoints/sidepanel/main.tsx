import { render } from 'preact';

function main(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('Chartside: #app missing from sidepanel/index.html');
  render(<h1>Chartside</h1>, root);
}

main();
