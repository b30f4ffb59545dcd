// typedoc plugin: draws the ```mermaid blocks of guides and doc comments as diagrams, offline.
//
// Why our own: typedoc-plugin-mermaid imports mermaid from a CDN at view time (notes/toolchain.md
// §4.6), so the site shows no diagram without internet and depends on whatever version the CDN
// serves. This plugin renders each block as `<pre class="mermaid">` (the source, escaped, so the page
// still reads as text without JavaScript), copies the mermaid bundle of the `mermaid` devDependency
// into the output's assets/, and adds a small loader to every page that fetches that file only on
// pages that have a diagram. Nothing is fetched from the network when the site is viewed.
//
// Hooks used, all public typedoc 0.28 API: the `markdownItLoader` option (set at bootstrap end,
// chained to any loader the configuration already has) replaces markdown-it's fence renderer for
// `mermaid` only; the `head.end` and `body.end` render hooks add a style rule and the loader; the
// renderer's END event copies the bundle. `ignoredHighlightLanguages: ["mermaid"]` stays in
// typedoc.json so a build without this plugin still passes with warnings as errors.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Application, JSX, RendererEvent } from "typedoc";

const require = createRequire(import.meta.url);

/** The asset names in the output, under assets/. */
const BUNDLE = "mermaid.min.js";
const LICENSE = "mermaid.LICENSE.txt";

/** Whether a fence's info string names mermaid (```mermaid, ``` mermaid {…}). */
function isMermaid(info) {
  return info.trim().split(/\s+/)[0]?.toLowerCase() === "mermaid";
}

/** Adds the mermaid fence rule to a markdown-it instance. */
function addFenceRule(md) {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (isMermaid(token.info)) return `<pre class="mermaid">${md.utils.escapeHtml(token.content)}</pre>\n`;
    return fallback ? fallback(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

// Runs in the browser at the end of every page. typedoc keeps <body> hidden until its main.js has
// laid the page out, and mermaid measures text while it draws, so the loader waits for the body to be
// shown. The theme follows typedoc's own setting (light, dark, or the OS preference) at load time.
const loader = (src) => `(() => {
  const blocks = document.querySelectorAll("pre.mermaid");
  if (blocks.length === 0) return;
  const visible = () => getComputedStyle(document.body).display !== "none";
  const whenVisible = (run) => {
    if (visible()) return run();
    const observer = new MutationObserver(() => {
      if (visible()) { observer.disconnect(); run(); }
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ["style"] });
  };
  const script = document.createElement("script");
  script.src = ${JSON.stringify(src)};
  script.onload = () => whenVisible(() => {
    const setting = document.documentElement.dataset.theme;
    const dark = setting === "dark" || (setting !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
    window.mermaid.initialize({
      startOnLoad: false,
      theme: dark ? "dark" : "default",
      securityLevel: "strict",
    });
    // A big diagram is drawn to the column's width; a click shows it at its natural size (scrolling
    // sideways), where the labels are readable, and another click fits it back.
    window.mermaid.run({ nodes: blocks }).then(() => {
      for (const block of blocks) {
        const svg = block.querySelector("svg");
        const natural = svg && parseFloat(svg.style.maxWidth);
        if (!svg || !(natural > block.clientWidth)) continue;
        block.classList.add("tsd-mermaid-zoomable");
        block.title = "Click to zoom";
        block.addEventListener("click", () => {
          const zoomed = block.classList.toggle("tsd-mermaid-zoomed");
          svg.style.width = zoomed ? natural + "px" : "";
          svg.style.maxWidth = zoomed ? "none" : natural + "px";
          block.title = zoomed ? "Click to fit" : "Click to zoom";
        });
      }
    });
  });
  script.onerror = () => console.error("typedoc-plugin-mermaid: cannot load " + script.src);
  document.head.appendChild(script);
})();`;

const style =
  "pre.mermaid{background:none;border:none;padding:0;text-align:center;overflow-x:auto}" +
  ".tsd-mermaid-zoomable{cursor:zoom-in}.tsd-mermaid-zoomed{cursor:zoom-out;text-align:left}";

/** @param {Application} app */
export function load(app) {
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const previous = app.options.getValue("markdownItLoader");
    app.options.setValue("markdownItLoader", (parser) => {
      previous?.(parser);
      addFenceRule(parser);
    });
  });

  app.renderer.hooks.on("head.end", () =>
    JSX.createElement("style", null, JSX.createElement(JSX.Raw, { html: style })),
  );
  app.renderer.hooks.on("body.end", (context) =>
    JSX.createElement(
      "script",
      null,
      JSX.createElement(JSX.Raw, { html: loader(context.relativeURL(`assets/${BUNDLE}`, true)) }),
    ),
  );

  app.renderer.on(RendererEvent.END, (event) => {
    const assets = join(event.outputDirectory, "assets");
    mkdirSync(assets, { recursive: true });
    // The bundle carries no source-map comment, so the map (13 MB) is not needed beside it.
    copyFileSync(require.resolve(`mermaid/dist/${BUNDLE}`), join(assets, BUNDLE));
    copyFileSync(join(dirname(require.resolve("mermaid/package.json")), "LICENSE"), join(assets, LICENSE));
  });
}
