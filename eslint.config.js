// ESLint 9 flat config for Chartside.
//
// Three jobs, each explained where it is configured:
//  1. Typed TypeScript rules (typescript-eslint): promises are awaited, switches over unions are
//     exhaustive, type-only imports say so.
//  2. Import boundaries (eslint-plugin-import-x `no-restricted-paths`, as Dark Reader does): the
//     module map in ARCHITECTURE.md, enforced. Change both together.
//  3. Privacy and safety: the content script makes no network request, chart text is never
//     rendered as HTML, and no code is built from strings anywhere (README, Privacy: no patient data
//     leaves the device, no remote code).
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
// Test code and test-only helpers (`testing/` folders beside the code they serve): never shipped,
// so they may read fixtures from disk and build DOM from fixture HTML.
const TEST_FILES = ['**/*.test.{ts,tsx}', 'test/**', '**/testing/**'];

// ---------------------------------------------------------------------------------------------
// 2. Import boundaries: an allow-list. ALLOWED says which top-level folders each folder may import
// (the module map in ARCHITECTURE.md, the same table); every other project folder is refused by
// `import-x/no-restricted-paths`. Paths are relative to the project root.
// ---------------------------------------------------------------------------------------------

/** Each top-level entry of entrypoints/: one entrypoint may not import another's files. */
function entrypointEntries() {
  try {
    return readdirSync(resolve(root, 'entrypoints')).filter((name) => !name.startsWith('.'));
  } catch {
    return [];
  }
}

/** The project's own top-level folders: what an import may reach. */
const PROJECT_FOLDERS = ['engine', 'codesets', 'platform', 'components', 'cli', 'entrypoints', 'scripts', 'test'];

/**
 * Which folders each folder's shipped code may import (its own folder always). `test/` may import
 * everything. Tests beside the code (`TEST_ALLOWED`) may also read test data and run the Node-side
 * builders, never the browser side from engine/ or codesets/.
 */
const ALLOWED = {
  engine: [],
  codesets: ['engine'],
  // The options page's import of picked release files runs the same pure importers as the CLI.
  platform: ['engine', 'codesets'],
  components: ['engine', 'platform'],
  cli: ['engine', 'codesets'],
  entrypoints: ['engine', 'codesets', 'platform', 'components'],
  scripts: ['engine', 'codesets', 'platform', 'components', 'cli', 'test'],
};
const TEST_ALLOWED = {
  engine: ['codesets', 'test'],
  codesets: ['test', 'cli'],
  platform: ['test'],
  components: ['test', 'cli'],
  cli: ['test'],
  entrypoints: ['test'],
  scripts: [],
};
const REASONS = {
  engine: 'engine/ is pure TypeScript and imports nothing outside engine/ (ARCHITECTURE.md, module map).',
  codesets: 'codesets/ may import engine/ only: importers run in Node and in the browser alike.',
  platform: 'platform/ is the browser edge over engine/ (and the pure codesets/ importers): no UI, no CLI.',
  components:
    'components/ are reusable UI over engine/ and platform/; entrypoints/ wire them, never the other way round.',
  cli: 'cli/ is thin commands over engine/ and codesets/.',
  entrypoints: 'entrypoints/ wire engine/, codesets/, platform/ and components/; shared code does not live here.',
  scripts: 'Nothing imports from entrypoints/: move shared code to components/, platform/ or engine/.',
};

/** Zones refusing every project folder that `folder` may not import. */
function allowListZones(extra) {
  return Object.entries(ALLOWED).map(([folder, allowed]) => ({
    target: `./${folder}`,
    from: PROJECT_FOLDERS.filter(
      (other) => other !== folder && !allowed.includes(other) && !(extra[folder] ?? []).includes(other),
    ).map((other) => `./${other}`),
    message: REASONS[folder],
  }));
}

/** Inside engine/ (and its tests), codesets/node is the file system: only the Node side reaches it. */
const SHIPPED_ZONES = [
  ...allowListZones({}),
  {
    target: './platform',
    from: './codesets/node',
    message: 'codesets/node/ is the file-system side of the importers: the browser edge uses the pure importers only.',
  },
  ...entrypointEntries().map((entry) => ({
    target: `./entrypoints/${entry}`,
    from: './entrypoints',
    except: [`./${entry}`],
    message: 'One entrypoint may not import another: shared code belongs in components/ or platform/.',
  })),
];
const TEST_ZONES = [
  ...allowListZones(TEST_ALLOWED),
  ...entrypointEntries().map((entry) => ({
    target: `./entrypoints/${entry}`,
    from: './entrypoints',
    except: [`./${entry}`],
    message: 'One entrypoint may not import another: shared code belongs in components/ or platform/.',
  })),
];

// Browser and Node modules engine/ must not reach for (it runs in the worker, the CLI and the tests
// alike; engine/tsconfig.json
// already refuses DOM and Node types, this catches the imports themselves).
const ENGINE_FORBIDDEN_MODULES = {
  patterns: [
    { group: ['node:*'], message: 'engine/ runs in the worker too: no Node built-ins.' },
    {
      group: ['dexie', 'comlink', 'preact', 'preact/*', 'wxt', 'wxt/*', '#imports', '@wxt-dev/*'],
      message: 'engine/ is plain data in, plain data out: browser pieces live in platform/.',
    },
  ],
};
// Only codesets/node/, cli/, scripts/ and tests touch the file system: the rest also runs in the browser.
const NO_FS = {
  patterns: [
    {
      group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'],
      message: 'Only codesets/node/, cli/, scripts/ and tests use the file system.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 3. Privacy and safety selectors.
// ---------------------------------------------------------------------------------------------

// Chart text renders as text (a hostile page must not inject markup into the panel): no HTML sinks in UI code.
const HTML_SINKS = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Chart text renders as text: use textContent or Preact children, never innerHTML/outerHTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Chart text renders as text: insertAdjacentHTML is forbidden.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']",
    message: 'document.write is forbidden.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'createContextualFragment parses HTML: forbidden.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Chart text renders as text: dangerouslySetInnerHTML is forbidden.',
  },
  {
    selector: "MemberExpression[property.name='srcdoc'], JSXAttribute[name.name='srcdoc']",
    message: 'srcdoc renders HTML: forbidden.',
  },
];

// The content script makes no network request (it runs in the EHR page with the chart in reach;
// the build-output e2e test scans the bundle too).
const NETWORK_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'RTCPeerConnection',
  'Request',
  'Image',
  'Audio',
  'Worker',
  'SharedWorker',
].map((name) => ({
  name,
  message: `The content script makes no network request: ${name} is forbidden here. Send data to the side panel by message.`,
}));
const NETWORK_PROPERTIES = ['window', 'globalThis', 'self', 'top', 'parent', 'frames'].flatMap((object) =>
  [
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'WebTransport',
    'RTCPeerConnection',
    'Image',
    'Audio',
    'Worker',
  ].map((property) => ({
    object,
    property,
    message: `The content script makes no network request: ${object}.${property} is forbidden.`,
  })),
);
const NETWORK_SYNTAX = [
  {
    selector: "MemberExpression[property.name='sendBeacon']",
    message: 'The content script makes no network request: navigator.sendBeacon is forbidden.',
  },
  {
    selector:
      "CallExpression[callee.property.name='createElement'][arguments.0.value=/^(img|image|script|iframe|frame|link|object|embed|audio|video|source|track|form|a)$/i]",
    message: 'The content script creates no element that loads a URL.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(src|srcset|href|action|background|poster)$/]',
    message: 'The content script assigns no URL-bearing attribute (each one is a request).',
  },
  {
    selector:
      "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(src|srcset|href|action|data|background|poster)$/i]",
    message: 'The content script sets no URL-bearing attribute.',
  },
  { selector: 'ImportExpression', message: 'The content script loads no code at run time.' },
  { selector: "CallExpression[callee.name='importScripts']", message: 'The content script loads no code at run time.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      '.cache/',
      'coverage/',
      'docs/',
      'test-results/',
      'screenshots-tmp/',
      '**/*.d.ts.map',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // 1. Language rules. Plain JS files get the untyped set; TS files the typed one.
  js.configs.recommended,
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked against the nearest tsconfig.json (root, engine/, scripts/).
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    rules: {
      // TypeScript checks names itself; `no-undef` only misfires on types and WXT auto-imports.
      'no-undef': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `import('x').T` in a type position is fine: it imports nothing at run time.
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `cond && run()` and `cond ? a() : b()` are ordinary statements; a bare value is still flagged.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Numbers and booleans in template strings read fine; objects would print [object Object].
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Preact handlers and Dexie table methods are passed around on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // An async function implementing an async interface need not await.
      '@typescript-eslint/require-await': 'off',
      // A void-returning callback (event listener, Comlink expose) may be async.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
    },
  },
  {
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // Tests read JSON fixtures and poke at results: `any` from JSON.parse is the normal case there.
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // No code from strings, anywhere (the CSP forbids it in extension pages; the CLI too).
  {
    // Declared so the core rules can follow these names to the global object (TS files have no
    // DOM globals in ESLint's scope analysis; type checking is TypeScript's job, not this list's).
    languageOptions: {
      globals: {
        window: 'readonly',
        self: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        setImmediate: 'readonly',
        execScript: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
    },
  },
  {
    files: TS_FILES,
    rules: {
      // The typed version also catches string code passed through aliases; the core rule stays on
      // for the plain cases so that it holds even where type information is unavailable.
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },

  // 2. Import boundaries.
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx', '.json', '.d.ts'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
          conditionNames: ['types', 'import', 'browser', 'default'],
          // The `@/` and `~/` aliases WXT declares.
          tsconfig: { configFile: resolve(root, 'tsconfig.json') },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: SHIPPED_ZONES }],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: TEST_ZONES }],
    },
  },
  {
    files: ['engine/**'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', ENGINE_FORBIDDEN_MODULES] },
  },
  {
    files: ['codesets/**', 'components/**', 'platform/**', 'entrypoints/**'],
    ignores: ['codesets/node/**', ...TEST_FILES],
    rules: { 'no-restricted-imports': ['error', NO_FS] },
  },

  // 3. Chart text renders as text in every UI context.
  {
    files: ['components/**', 'entrypoints/**', 'platform/**'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS] },
  },
  // The content script (entrypoints/content.ts, entrypoints/content/**, entrypoints/*.content.ts,
  // entrypoints/*.content/**) makes no network request. Repeats HTML_SINKS: in a flat config the
  // last matching `no-restricted-syntax` wins, so the lists are merged here.
  {
    files: [
      'entrypoints/content*/**',
      'entrypoints/content*.{ts,tsx}',
      'entrypoints/*.content/**',
      'entrypoints/*.content.{ts,tsx}',
    ],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-properties': ['error', ...NETWORK_PROPERTIES],
      'no-restricted-syntax': ['error', ...HTML_SINKS, ...NETWORK_SYNTAX],
    },
  },
);
