// Build time: compile the answering code for Pyodide's Python, inside Pyodide, in Node.
// Usage: node compile.mjs PYODIDE_DIR WORK_DIR
// WORK_DIR holds sources.zip and index/ (read) and receives stdlib.zip, engine.zip and
// report.json (see compile_step.py, which this runs). On any error it prints the error
// alone (Node would print a line of the minified runtime with it) and exits with 1.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, workDir] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));

try {
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  const py = await loadPyodide({ indexURL: pyodideDir + "/" });
  py.FS.mkdirTree("/work");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: workDir }, "/work");
  py.FS.mkdirTree("/index");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: join(workDir, "index") }, "/index");
  py.runPython("import sys\nBOOTED = sorted(sys.modules)");
  py.runPython(readFileSync(join(here, "compile_step.py"), "utf8"), { filename: "compile_step.py" });
} catch (error) {
  console.error(String(error && error.message ? error.message : error).slice(-4000));
  process.exit(1);
}
