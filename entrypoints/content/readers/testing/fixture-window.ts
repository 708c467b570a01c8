/**
 * Test helper: opens a synthetic EHR page of test/fixtures/ehr/ in happy-dom, scripts disabled.
 * happy-dom does not parse declarative shadow DOM (`<template shadowrootmode>`) nor load iframe
 * `src`; the helper does what Chromium's parser and loader do (attach the shadow root, load the
 * same-origin frame from its fixture file). The real thing is covered by the Chromium e2e test.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURE_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ehr');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

/** Attaches declarative shadow roots, as an HTML parser does. */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const tpl of [...root.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = tpl.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: tpl.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.appendChild(tpl.content.cloneNode(true));
    tpl.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Opens a fixture page; same-origin frames are loaded from their fixture files. */
export async function openFixture(name: string): Promise<{ window: Window; document: Document }> {
  const window = new Window({
    url: `http://localhost/${name}`,
    settings: { disableJavaScriptEvaluation: true, disableIframePageLoading: true },
  });
  const document = window.document as unknown as Document;
  document.write(fixtureHtml(name));
  attachDeclarativeShadowRoots(document);
  for (const frame of [...document.querySelectorAll('iframe[src]')] as HTMLIFrameElement[]) {
    const src = frame.getAttribute('src') ?? '';
    if (!/^[\w-]+\.html$/.test(src)) continue;
    frame.removeAttribute('src');
    frame.setAttribute('srcdoc', fixtureHtml(src));
  }
  await new Promise((r) => setTimeout(r, 20));
  for (const frame of [...document.querySelectorAll('iframe')] as HTMLIFrameElement[])
    if (frame.contentDocument) attachDeclarativeShadowRoots(frame.contentDocument);
  return { window, document };
}
