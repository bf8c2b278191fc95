#!/usr/bin/env python3
"""The fidelity benchmark (issue 15): clones Chinook, Northwind, the demo and a generated database with
known cross-table structure with each model (copula, cart, arf, auto), SQLite to SQLite, and prints
SDMetrics' quality and diagnostic per property next to the exact-match rate and the fit and sample
times. Chinook and Northwind are scored with the metadata SDV 1.38 itself detects
(../shared/datasets/<db>/sdv-metadata.json, personal data marked), as they are judged from outside; the
demo and the generated database with their own introspected metadata.
Writes bench/results/fidelity.json.
Usage: bench/fidelity/run.py [--models copula,cart,arf,auto] [--databases chinook,northwind,demo,structured]
                             [--seed N] [--no-build] [--datasets DIR]"""
import argparse, json, os, subprocess, sys, tempfile, time, shutil

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", ".."))
ap = argparse.ArgumentParser()
ap.add_argument("--models", default="copula,cart,arf,auto")
ap.add_argument("--databases", default="chinook,northwind,demo,structured")
ap.add_argument("--seed", default="42")
ap.add_argument("--datasets", default=os.path.join(repo, "..", "shared", "datasets"))
ap.add_argument("--no-build", action="store_true")
args = ap.parse_args()

publish = os.path.join(tempfile.gettempdir(), "sdv-fidelity-build")
if not args.no_build or not os.path.exists(os.path.join(publish, "Sdv.Connector")):
    subprocess.run(["dotnet", "publish", os.path.join(repo, "src", "Connector"), "-c", "Release", "--use-current-runtime",
                    "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", publish, "--nologo", "-v", "q"], check=True)
tool = os.path.join(publish, "Sdv.Connector")
work = tempfile.mkdtemp(prefix="sdv-fidelity-")

def run(*cmd):
    started = time.monotonic()
    done = subprocess.run([tool, *cmd], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return time.monotonic() - started, done.stdout

sources = {}
for name in args.databases.split(","):
    if name in ("chinook", "northwind"):
        path = os.path.join(args.datasets, name, f"{name}.sqlite")
        meta = os.path.join(args.datasets, name, "sdv-metadata.json")
        if not os.path.exists(path):
            print(f"skipped: {name} ({path} not found; pass --datasets)"); continue
        sources[name] = (path, meta if os.path.exists(meta) else None)
    elif name == "demo":
        subprocess.run([tool, "demo", "--dir", os.path.join(work, "demo")], capture_output=True, check=True)
        sources[name] = (os.path.join(work, "demo", "clinical.db"), None)
    elif name == "structured":
        path = os.path.join(work, "structured.db")
        subprocess.run([sys.executable, os.path.join(here, "generate_structured.py"), path], check=True, capture_output=True)
        sources[name] = (path, None)

results = []
props = ["Column Shapes", "Column Pair Trends", "Cardinality", "Intertable Trends"]
diag = ["Data Validity", "Data Structure", "Relationship Validity"]
print(f"{'database':<11} {'model':<7} {'quality':>7} {'shapes':>7} {'pairs':>7} {'card':>7} {'inter':>7} {'diag':>6} {'exact':>7} {'fit s':>7} {'sample s':>8}")
for name, (path, meta) in sources.items():
    for model in args.models.split(","):
        model_file = os.path.join(work, f"{name}-{model}.sdvm")
        target = os.path.join(work, f"{name}-{model}.db")
        if os.path.exists(target): os.remove(target)
        try:
            fit_s, _ = run("fit", "--source", path, "--model", model_file, "--model-kind", model, "--seed", args.seed)
            sample_s, _ = run("sample", "--model", model_file, "--target", target, "--seed", args.seed)
            report = os.path.join(work, f"{name}-{model}.json")
            evaluate = ["evaluate", "--real", path, "--synthetic", target, "--json", report]
            if meta: evaluate += ["--metadata", meta]
            run(*evaluate)
            r = json.load(open(report))
        except RuntimeError as e:
            print(f"{name:<11} {model:<7} failed: {str(e).splitlines()[0]}")
            results.append({"database": name, "model": model, "error": str(e)})
            continue
        q, d = r["quality"], r["diagnostic"]
        privacy = r.get("privacy", {})
        exact = privacy.get("exactMatchRate")
        row = {"database": name, "model": model, "metadata": "sdv-detected" if meta else "introspected",
               "quality": q["overall"], "properties": q["properties"], "diagnostic": d["overall"], "diagnosticProperties": d["properties"],
               "exactMatchRate": exact, "fitSeconds": round(fit_s, 2), "sampleSeconds": round(sample_s, 2)}
        results.append(row)
        p = q["properties"]
        f = lambda v: "   -   " if v is None else f"{v:7.3f}"
        print(f"{name:<11} {model:<7} {f(q['overall'])} {f(p.get(props[0]))} {f(p.get(props[1]))} {f(p.get(props[2]))} {f(p.get(props[3]))} {d['overall']:6.3f} "
              f"{'-' if exact is None else f'{exact:6.1%}':>7} {fit_s:7.2f} {sample_s:8.2f}")

os.makedirs(os.path.join(repo, "bench", "results"), exist_ok=True)
with open(os.path.join(repo, "bench", "results", "fidelity.json"), "w") as out:
    json.dump({"command": "bench/fidelity/run.py " + " ".join(sys.argv[1:]), "seed": args.seed, "runs": results}, out, indent=1)
shutil.rmtree(work, ignore_errors=True)
