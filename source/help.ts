/** The text of `tomesh-setup --help`. */
export const helpText = `tomesh-setup — stand up and keep a community Matrix chat server, step by step.

Usage
  tomesh-setup [run]            guided walkthrough (TUI); resumes at the first unfinished step
  tomesh-setup run --repair     run again the done steps whose checks fail now or whose text changed
                                (lists them; with --yes runs them)
  tomesh-setup plan             every runbook, step, command, check and file diff; changes nothing
  tomesh-setup verify           run every check on this machine; changes nothing (also --verify)
  tomesh-setup status           saved progress (--record: the path of the latest as-run record)
  tomesh-setup reset [RUNBOOK]  forget saved progress (of one runbook)
  tomesh-setup lint             outdated instructions in the documents, with today's equivalent
  tomesh-setup preflight        what is already on this server (ports, sites, certs, apt lock, memory…)
  tomesh-setup undo STEP        put back what a step changed in files (diff shown, asks unless --yes)

Options
  --doc FILE        a setup document to use instead of the shipped runbooks (repeatable)
  --only RUNBOOK    one runbook (its id or title)
  --set KEY=VALUE   a parameter's value (repeatable), e.g. --set domain=example.org
  --json            machine-readable output (plan, verify, status, lint, preflight)
  --format FMT      verify's report: json, junit or tap (for CI and monitoring)
  --yes, -y         run without asking; stops at the first failure
  --allow-removals  with run --yes: let apt remove packages (a step that would stops the run otherwise)
  --state DIR       where progress is kept (default /var/lib/tomesh-setup as root); env TOMESH_SETUP_STATE
  --trust-doc       as root, use a --doc that others can write (refused otherwise)
  --timeout SECS    time limit of each check (default 10)
  --help, --version

Exit codes: 0 success, 1 a step or check failed (lint: findings; preflight: a blocker), 2 bad input.
`;
