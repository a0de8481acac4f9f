/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

import { defineConfig, type Plugin } from "vite";

// The build lands inside the Python package, which serves it (saleor_support_plugin/web/).
const outDir = fileURLToPath(new URL("../saleor_support_plugin/web/dashboard", import.meta.url));

/**
 * macaw-ui's stylesheet declares 48 faces of Inter, Geist and Geist Mono (4.3 MB of woff2).
 * The workspace uses Inter at 400, 500 and 600 (macaw's "bold" is 600); the other faces are
 * left out of the build, so they are neither shipped in the wheel nor ever fetched. Bolder
 * text takes the 600 face and italics a slanted regular one.
 */
const KEPT_FONTS = new Set(["Inter-Regular.woff2", "Inter-Medium.woff2", "Inter-SemiBold.woff2"]);

function onlyUsedFonts(): Plugin {
  return {
    name: "desk-only-used-fonts",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]@saleor[\\/]macaw-ui[\\/]dist[\\/]style\.css/.test(id.split("?")[0] ?? "")) return null;
      return code.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
        const file = /url\(["']?\.\/([^"')]+)["']?\)/.exec(rule)?.[1];
        return file && KEPT_FONTS.has(file) ? rule : "";
      });
    },
  };
}

/**
 * The inbox's first page is asked for by a small entry script of its own
 * (src/screens/inboxPrefetchEntry.ts), put in index.html beside the app's bundle: it runs as
 * soon as it (and the few small modules it shares with the app) has loaded, so the server
 * works on the page while the browser still loads and compiles the app. Vite would fold a
 * second script of index.html into the app's entry, hence a build input of its own.
 */
const PREFETCH_ENTRY = "inbox-prefetch";

function inboxPrefetchEntry(): Plugin {
  return {
    name: "desk-inbox-prefetch",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (_html, context) => {
        const chunk = Object.values(context.bundle ?? {}).find(
          (file) => file.type === "chunk" && file.isEntry && file.name === PREFETCH_ENTRY,
        );
        if (!chunk) return [];
        return [
          {
            tag: "script",
            // async: it runs once loaded, without waiting for the app's script before it.
            attrs: { type: "module", async: true, crossorigin: true, src: `./${chunk.fileName}` },
            injectTo: "head",
          },
        ];
      },
    },
  };
}

/**
 * Brotli and gzip copies of scripts and styles (saleor_support_plugin/web/workspace.py sends
 * the one the browser accepts), so no server or proxy needs to compress them on the fly.
 * They are made from the files as written: chunks still carry placeholders (such as the
 * preload list of lazily loaded screens) until Vite's last rendering step.
 */
function precompressed(): Plugin {
  return {
    name: "desk-precompressed",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const path = join(dir, fileName);
        const bytes = readFileSync(path);
        if (bytes.length < 1024) continue; // not worth a second request's headers
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the server puts a <base href> in index.html, because the app lives
  // under /app/ in the sandbox and under /plugins/global/<plugin id>/app/ inside Saleor.
  base: "./",
  oxc: { jsx: { runtime: "automatic" } },
  plugins: [onlyUsedFonts(), inboxPrefetchEntry(), precompressed()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL("./index.html", import.meta.url)),
        [PREFETCH_ENTRY]: fileURLToPath(new URL("./src/screens/inboxPrefetchEntry.ts", import.meta.url)),
      },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Generous: the suite shares two cores with the Python tests and the browser.
    testTimeout: 30_000,
  },
});
