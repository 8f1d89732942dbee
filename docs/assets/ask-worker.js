/* The question search in the reader's browser: a module Web Worker running the site's
   own engine (mappa_kb.search, compiled for Pyodide) on the site's own index, so the
   Ask page answers on a plain static host exactly as `mappa-kb serve` does.

   Messages in:  {type: "start", manifest: URL}            once, from ask-engine.js
                 {type: "ask", id, question, k}             any time, even before ready
   Messages out: {type: "progress", received, total}        bytes of the files, so far
                 {type: "ready", timings}                   questions are answered now
                 {type: "failed", message, detail, missing} plain words, then the cause
                                                            (missing: no engine on this site)
                 {type: "answer", id, json, ms} | {type: "answer", id, error}
                 {type: "warm", ms}                         caches filled (see warm())

   Questions asked before the engine is ready wait in order and are answered as soon as
   it is. Between questions the worker fills the engine's caches a little at a time
   (worker.py's warm), so that later questions are quick.

   Every file comes from this site (the manifest's folder): nothing from any other host.
   The code and the index are kept in the Cache API under their versioned names, so a
   second visit reads them from disk; the runtime is left to the browser's HTTP cache,
   which also keeps the wasm's compiled code. The manifest is checked with the site on
   every visit. */

const CACHE = "mappa-kb-question-search";
const queue = [];
let engine = null;     // Python's answer_json and warm, once ready
let failure = null;    // {message, detail}, once loading has failed
let started = false;
let warming = null;    // {since, done}: filling the engine's caches between questions
const WARM_STEP = 6;   // passages a step: a question waits for one step at most

const clock = () => Math.round(performance.now());

function post(message) {
  self.postMessage(message);
}

/* ---- files: from the Cache API when kept there, else the site, counted as they come -- */

async function openCache() {
  try {
    return self.caches ? await self.caches.open(CACHE) : null;  // none on plain http://
  } catch (error) {
    return null;
  }
}

function counted(response, onBytes) {
  // The same response, its body counted as the worker reads it (progress in words).
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      onBytes(value.byteLength);
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function countedCopy(response, onBytes) {
  // Count a copy's bytes as they arrive and hand on the response itself: the wasm must
  // reach the browser as fetched, which then keeps its compiled code for the next visit.
  const reader = response.clone().body.getReader();
  (function pump() {
    reader.read().then(({ done, value }) => {
      if (done) return;
      onBytes(value.byteLength);
      pump();
    }, () => {});
  })();
  return response;
}

function makeFetcher(cache, known, onBytes) {
  // `known`: URL -> how it is kept ("http": the browser's HTTP cache, as the runtime's
  // versioned folder allows; "cache": the Cache API, under the file's versioned name).
  return async function fetchFile(url) {
    const href = new URL(url, self.location.href).href;
    const how = known[href];
    if (!how) return self.fetchFromSite(url);
    if (how === "http" || !cache) {
      const response = await self.fetchFromSite(href);
      if (!response.ok) throw new Error("could not fetch " + href + ": HTTP " + response.status);
      return countedCopy(response, onBytes);
    }
    let response = await cache.match(href);
    if (!response) {
      response = await self.fetchFromSite(href);
      if (!response.ok) throw new Error("could not fetch " + href + ": HTTP " + response.status);
      // Kept while it is read, not before: progress moves as the bytes arrive. A full
      // or refused cache only costs the next visit a download.
      cache.put(href, response.clone()).catch(() => {});
    }
    return counted(response, onBytes);
  };
}

async function forgetOldFiles(cache, known) {
  // Files of earlier builds have other names: drop them once this build's are listed.
  if (!cache) return;
  for (const request of await cache.keys()) {
    if (known[request.url] !== "cache") await cache.delete(request);
  }
}

/* ---- start: runtime, code and index fetched together, then opened in Python ------- */

async function start(manifestUrl) {
  const t0 = clock();
  const manifestResponse = await fetch(manifestUrl, { cache: "no-cache" });
  if (!manifestResponse.ok) {
    // A site built without the engine, or a host that lost it: not this browser's fault.
    const error = new Error("The question search is not available here.");
    error.detail = "no manifest: HTTP " + manifestResponse.status;
    error.plain = true;
    error.missing = true;
    throw error;
  }
  const manifest = await manifestResponse.json();
  if (manifest.format !== 1) throw new Error("a manifest of format " + manifest.format);
  const base = new URL(".", manifestResponse.url);
  const url = (name) => new URL(name, base).href;

  // The files fetched here (the loader and the runtime's JavaScript are imported as
  // modules, which the browser's HTTP cache keeps).
  const known = {};
  let total = 0;
  for (const role of ["wasm", "stdlib", "engine", "index"]) {
    known[url(manifest.files[role].url)] = role === "wasm" ? "http" : "cache";
    total += manifest.files[role].bytes;
  }
  let received = 0;
  let lastPost = 0;
  const onBytes = (n) => {
    received += n;
    const now = performance.now();
    if (now - lastPost > 100 || received >= total) {  // at most ten a second
      lastPost = now;
      post({ type: "progress", received: Math.min(received, total), total });
    }
  };
  post({ type: "progress", received: 0, total });

  const cache = await openCache();
  const fetchFile = makeFetcher(cache, known, onBytes);
  // Pyodide fetches its wasm and standard library itself: through the same door.
  self.fetchFromSite = self.fetch.bind(self);
  self.fetch = (resource, init) =>
    typeof resource === "string" || resource instanceof URL ? fetchFile(String(resource)) : self.fetchFromSite(resource, init);

  const bytesOf = (role) => fetchFile(url(manifest.files[role].url)).then((r) => r.arrayBuffer());
  const code = bytesOf("engine");
  const index = bytesOf("index");
  const { loadPyodide } = await import(url(manifest.files.loader.url));
  const pyodide = await loadPyodide({
    indexURL: url(manifest.runtime),
    stdLibURL: url(manifest.files.stdlib.url),
    lockFileContents: manifest.lock,  // no packages: nothing is ever fetched by name
    packageBaseUrl: url(manifest.runtime),
    checkAPIVersion: true,
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  const t1 = clock();

  pyodide.FS.mkdirTree("/engine");
  pyodide.FS.writeFile("/engine/engine.zip", new Uint8Array(await code));
  pyodide.FS.writeFile("/engine/index.zip", new Uint8Array(await index));
  const t2 = clock();
  pyodide.runPython(
    [
      "import sys, zipfile",
      "sys.path.insert(0, '/engine/engine.zip')",
      "from mappa_kb.engine import lean_imports, stdlib_fallback",
      "lean_imports.install()",
      "stdlib_fallback.install(" + JSON.stringify(url(manifest.full_stdlib)) + ", " + JSON.stringify(manifest.left_out) + ")",
      "with zipfile.ZipFile('/engine/index.zip') as archive:",
      "    archive.extractall('/index')",
      "from mappa_kb.engine import worker",
    ].join("\n")
  );
  const t3 = clock();
  const worker = pyodide.pyimport("mappa_kb.engine.worker");
  const refused = worker.open_index("/index");
  if (refused) {
    const error = new Error(refused);
    error.detail = worker.ENGINE.problem;
    error.plain = true;
    throw error;
  }
  engine = {
    answer: worker.answer_json,
    warm: worker.warm,
    fallback: pyodide.pyimport("mappa_kb.engine.stdlib_fallback"),
  };
  forgetOldFiles(cache, known);
  return {
    runtime: t1 - t0,
    files: t2 - t1,
    imports: t3 - t2,
    index: clock() - t3,
    total: clock() - t0,
    fallback: engine.fallback.used.toJs(),  // standard-library modules the trim missed
  };
}

/* ---- questions in order, and warming up between them -------------------------------- */

// One step at a time, each in its own task, so that a question posted meanwhile is
// taken before the next step: questions first, then (once ready) a small step of
// warming, which fills the engine's caches while the reader reads.
let scheduled = false;

function schedule() {
  if (!scheduled) {
    scheduled = true;
    setTimeout(step, 0);
  }
}

function answerOne() {
  const { id, question, k } = queue.shift();
  if (failure) {
    post({ type: "answer", id, error: failure.message });
    return;
  }
  const t = performance.now();
  try {
    const json = engine.answer(question, k);
    post({ type: "answer", id, json, ms: performance.now() - t, fallback: engine.fallback.used.length });
  } catch (error) {
    post({ type: "answer", id, error: "The question search failed on this question." });
    console.error(error);
  }
}

function warmOne() {
  try {
    warming.done = engine.warm(WARM_STEP);
  } catch (error) {
    warming.done = true;
  }
  if (warming.done) post({ type: "warm", ms: clock() - warming.since });
}

function step() {
  scheduled = false;
  const canAnswer = engine !== null || failure !== null;
  if (queue.length > 0 && canAnswer) {
    answerOne();
  } else if (engine && warming && !warming.done) {
    warmOne();
  }
  if ((queue.length > 0 && canAnswer) || (engine && warming && !warming.done)) schedule();
}

self.onmessage = (event) => {
  const data = event.data || {};
  if (data.type === "start" && !started) {
    started = true;
    start(data.manifest).then(
      (timings) => {
        post({ type: "ready", timings });
        warming = { since: clock(), done: false };
        schedule();
      },
      (error) => {
        failure = {
          message: error.plain ? error.message : "The question search could not start in this browser.",
          detail: error.detail || String(error && error.stack ? error.stack : error),
        };
        post({ type: "failed", message: failure.message, detail: failure.detail, missing: !!error.missing });
        schedule();
      }
    );
  } else if (data.type === "ask") {
    queue.push({ id: data.id, question: String(data.question || ""), k: Number(data.k) || 5 });
    schedule();
  }
};
